package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** Section 0: who may call what. A refused call is answered before anything is read or stored. */
@QuarkusTest
class SecurityTest {

    record Endpoint(String method, String path, String contentType, String body, List<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static final String UNIT = "{\"name\":\"Trường\",\"type\":\"SCHOOL\"}";
    static final String PROCEDURE = "{\"name\":\"Thủ tục\",\"eligibleFullyOnline\":true,\"providedFullyOnline\":true,"
            + "\"integratedNationalPortal\":true,\"feeBearing\":false}";

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/units", null, null, List.of("reader", "admin")),
            new Endpoint("GET", "/api/v1/units/SEC-U", null, null, List.of("reader", "admin")),
            new Endpoint("PUT", "/api/v1/units/SEC-U", "application/json", UNIT, List.of("admin")),
            new Endpoint("POST", "/api/v1/units:import", "text/csv", "code,name,type\nSEC-U2,Trường,SCHOOL\n", List.of("admin")),
            new Endpoint("GET", "/api/v1/procedures", null, null, List.of("reader", "admin")),
            new Endpoint("GET", "/api/v1/procedures/SEC-P", null, null, List.of("reader", "admin")),
            new Endpoint("PUT", "/api/v1/procedures/SEC-P", "application/json", PROCEDURE, List.of("admin")),
            new Endpoint("POST", "/api/v1/procedures:import", "text/csv",
                    "code,name,eligibleFullyOnline,providedFullyOnline,integratedNationalPortal,feeBearing\nSEC-P2,Thủ tục,true,true,true,true\n",
                    List.of("admin")),
            new Endpoint("POST", "/api/v1/dossier-events", "application/json", "[]", List.of("ingest")));

    static Stream<Arguments> endpointsAndRoles() {
        return ENDPOINTS.stream().flatMap(e -> Stream.of("ingest", "reader", "admin").map(role -> Arguments.of(e, role)));
    }

    static Stream<Endpoint> endpoints() {
        return ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void eachRoleGetsExactlyWhatTheContractGrants(Endpoint endpoint, String role) {
        int status = call(given().auth().oauth2(TestTokens.forRoles(role)), endpoint);
        if (endpoint.allowed().contains(role)) {
            org.assertj.core.api.Assertions.assertThat(status).as("%s as %s", endpoint, role).isNotIn(401, 403);
        } else {
            org.assertj.core.api.Assertions.assertThat(status).as("%s as %s", endpoint, role).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void withoutAValidTokenEveryProtectedEndpointAnswers401(Endpoint endpoint) {
        String allowed = endpoint.allowed().get(0);
        Map<String, RequestSpecification> callers = Map.of(
                "no token", given(),
                "expired token", given().auth().oauth2(TestTokens.expired(allowed)),
                "token signed by another key", given().auth().oauth2(TestTokens.signedByOtherKey(allowed)),
                "garbage token", given().auth().oauth2("not.a.jwt"));
        callers.forEach((name, caller) -> org.assertj.core.api.Assertions.assertThat(call(caller, endpoint))
                .as("%s with %s", endpoint, name).isEqualTo(401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aRefusalIsAProblemDocument(Endpoint endpoint) {
        RequestSpecification request = given();
        if (endpoint.contentType() != null) {
            request = request.contentType(endpoint.contentType()).body(endpoint.body());
        }
        request.request(endpoint.method(), endpoint.path()).then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @org.junit.jupiter.api.Test
    void publicProgressAndOperationalEndpointsNeedNoCredentials() {
        given().get("/api/v1/public/dossiers/UNKNOWN-CODE").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health").then().statusCode(not(401));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    private static int call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.contentType() != null) {
            request = request.contentType(endpoint.contentType()).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path()).statusCode();
    }
}
