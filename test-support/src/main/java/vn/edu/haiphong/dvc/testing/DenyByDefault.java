package vn.edu.haiphong.dvc.testing;

import static io.restassured.RestAssured.given;

/**
 * Deny by default (OWASP API8): an endpoint a developer forgot to annotate, and any path the service does not list
 * as public, are refused to a caller without a token (401) and to one whose role names nothing there (403).
 */
public final class DenyByDefault {

    /** The path of a test's own REST endpoint with no security annotation (see each service's DenyByDefaultTest). */
    public static final String PROBE = "/api/v1/probe-without-security-annotation";

    private DenyByDefault() {
    }

    public static void check() {
        for (String path : new String[] { PROBE, "/not-a-listed-path", "/api-not-under-it" }) {
            given().get(path).then().statusCode(401);
            for (String role : RoleMatrix.ROLES) {
                given().auth().oauth2(TestTokens.forRoles(role)).get(path).then().statusCode(403);
            }
        }
        // What is public stays so.
        given().get("/q/health").then().statusCode(200);
    }
}
