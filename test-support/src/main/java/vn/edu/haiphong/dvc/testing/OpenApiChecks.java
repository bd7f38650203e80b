package vn.edu.haiphong.dvc.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** What integrators rely on in a service's OpenAPI document, as served at {@code /q/openapi}. */
public final class OpenApiChecks {

    private OpenApiChecks() {
    }

    /** Each operation as {@code "GET /api/v1/units"} with its operationId, null where it has none. */
    public static Map<String, String> operationIds() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths");
        Map<String, String> ids = new TreeMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                ids.put(method.toUpperCase(Locale.ROOT) + " " + path, (String) operation.get("operationId"))));
        return ids;
    }

    /**
     * Every operation has an operationId, none twice, and the published ones keep theirs: generated clients name
     * their methods after them, so a renamed one breaks every integrator's build.
     *
     * @param published each published operation ({@code "GET /api/v1/units"}) with its operationId
     */
    public static void assertStable(Map<String, String> published) {
        Map<String, String> ids = operationIds();
        assertThat(ids).doesNotContainValue(null);
        assertThat(ids.values()).doesNotHaveDuplicates();
        assertThat(ids).containsAllEntriesOf(published);
    }
}
