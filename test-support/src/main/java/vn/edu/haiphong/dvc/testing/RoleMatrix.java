package vn.edu.haiphong.dvc.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import io.restassured.specification.RequestSpecification;

/**
 * Section 0 of the contract as a table: every endpoint, called by every role and by callers without a
 * valid token. A role the endpoint grants gets past security (any status but 401 and 403), any other
 * role gets 403, and a missing, expired, foreign or garbled token gets 401 with a problem body. r2: so does a forged
 * one ({@code alg: none}, not yet valid, no {@code aud}, another {@code aud}), and a valid token with no role gets 403.
 */
public final class RoleMatrix {

    public static final List<String> ROLES = List.of(TestTokens.INGEST, TestTokens.READER, TestTokens.ADMIN);

    /** One endpoint and the roles that may call it; the body, if any, is sent with the content type. */
    public record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {

        public static Endpoint get(String path, String... allowed) {
            return new Endpoint("GET", path, null, null, Set.of(allowed));
        }

        public static Endpoint send(String method, String path, String contentType, String body, String... allowed) {
            return new Endpoint(method, path, contentType, body, Set.of(allowed));
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private RoleMatrix() {
    }

    /**
     * The whole table as dynamic tests: one per endpoint and caller, and first one that compares the table
     * with the service's OpenAPI document, so that an endpoint added without a line here fails the build
     * instead of going out unchecked.
     *
     * @param checkedElsewhere endpoints of the document left out of the table on purpose, as
     *        {@code "GET /api/v1/path/{param}"} (a public endpoint, a stream that never ends), each tested
     *        by its own test
     */
    public static Stream<DynamicTest> of(List<Endpoint> endpoints, String... checkedElsewhere) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the table covers every endpoint of the OpenAPI document",
                () -> assertCoversOpenApi(endpoints, Set.of(checkedElsewhere))));
        for (Endpoint endpoint : endpoints) {
            for (String role : ROLES) {
                tests.add(DynamicTest.dynamicTest(endpoint + " as " + role, () -> {
                    int status = call(given().auth().oauth2(TestTokens.forRoles(role)), endpoint);
                    if (endpoint.allowed().contains(role)) {
                        assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403);
                    } else {
                        assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest(endpoint + " with a valid token and no role", () ->
                    assertThat(call(given().auth().oauth2(TestTokens.withoutGroups()), endpoint)).isEqualTo(403)));
            String granted = endpoint.allowed().iterator().next();
            Map<String, Supplier<RequestSpecification>> strangers = new LinkedHashMap<>();
            strangers.put("no token", () -> given());
            strangers.put("an expired token", () -> given().auth().oauth2(TestTokens.expired(granted)));
            strangers.put("a token signed by another key", () -> given().auth().oauth2(TestTokens.signedByOtherKey(granted)));
            strangers.put("a garbled token", () -> given().auth().oauth2("not.a.jwt"));
            strangers.put("an unsigned token (alg none)", () -> given().auth().oauth2(TestTokens.unsigned(granted)));
            strangers.put("a token not yet valid", () -> given().auth().oauth2(TestTokens.notYetValid(granted)));
            strangers.put("a token with no audience", () -> given().auth().oauth2(TestTokens.withoutAudience(granted)));
            strangers.put("a token for another audience", () -> given().auth().oauth2(TestTokens.forAudience("other-system", granted)));
            strangers.forEach((name, caller) -> tests.add(DynamicTest.dynamicTest(endpoint + " with " + name, () -> {
                RequestSpecification request = caller.get();
                if (endpoint.contentType() != null) {
                    request = request.contentType(endpoint.contentType()).body(endpoint.body());
                }
                request.request(endpoint.method(), endpoint.path()).then()
                        .statusCode(401)
                        .header("WWW-Authenticate", equalTo("Bearer"))
                        .contentType("application/problem+json")
                        .body("status", equalTo(401));
            })));
        }
        return tests.stream();
    }

    private static void assertCoversOpenApi(List<Endpoint> endpoints, Set<String> checkedElsewhere) {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        List<String> documented = new ArrayList<>();
        for (var path : paths.entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        List<String> uncovered = documented.stream().filter(d -> !checkedElsewhere.contains(d))
                .filter(d -> endpoints.stream().noneMatch(e -> matches(d, e))).toList();
        assertThat(uncovered).as("endpoints of the OpenAPI document with no line in the role table").isEmpty();
        List<Endpoint> stale = endpoints.stream().filter(e -> documented.stream().noneMatch(d -> matches(d, e))).toList();
        assertThat(stale).as("lines of the role table that match no documented endpoint").isEmpty();
    }

    /** Whether "METHOD /a/{b}/c" is the endpoint's method and path (its query string aside). */
    private static boolean matches(String documented, Endpoint endpoint) {
        int space = documented.indexOf(' ');
        String path = endpoint.path().contains("?") ? endpoint.path().substring(0, endpoint.path().indexOf('?')) : endpoint.path();
        String template = documented.substring(space + 1);
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : java.util.regex.Pattern.quote(part));
        }
        return documented.substring(0, space).equals(endpoint.method()) && path.matches(regex.toString());
    }

    private static int call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.contentType() != null) {
            request = request.contentType(endpoint.contentType()).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path()).statusCode();
    }
}
