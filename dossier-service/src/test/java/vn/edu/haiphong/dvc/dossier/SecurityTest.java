package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static vn.edu.haiphong.dvc.testing.RoleMatrix.Endpoint.get;
import static vn.edu.haiphong.dvc.testing.RoleMatrix.Endpoint.send;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.testing.RoleMatrix;

/** Section 0: who may call what. A refused call is answered before anything is read or stored. */
@QuarkusTest
class SecurityTest {

    static final List<RoleMatrix.Endpoint> ENDPOINTS = List.of(
            get("/api/v1/units", "reader", "admin"),
            get("/api/v1/units/SEC-U", "reader", "admin"),
            send("PUT", "/api/v1/units/SEC-U", "application/json", "{\"name\":\"Trường\",\"type\":\"SCHOOL\"}", "admin"),
            send("POST", "/api/v1/units:import", "text/csv", "code,name,type\nSEC-U2,Trường,SCHOOL\n", "admin"),
            get("/api/v1/procedures", "reader", "admin"),
            get("/api/v1/procedures/SEC-P", "reader", "admin"),
            send("PUT", "/api/v1/procedures/SEC-P", "application/json", "{\"name\":\"Thủ tục\",\"eligibleFullyOnline\":true,"
                    + "\"providedFullyOnline\":true,\"integratedNationalPortal\":true,\"feeBearing\":false}", "admin"),
            send("POST", "/api/v1/procedures:import", "text/csv", "code,name,eligibleFullyOnline,providedFullyOnline,"
                    + "integratedNationalPortal,feeBearing\nSEC-P2,Thủ tục,true,true,true,true\n", "admin"),
            send("POST", "/api/v1/dossier-events", "application/json", "[]", "ingest"),
            // r2: outreach events (section 8); a unit-reporter's reach is OutreachEventsTest's.
            send("POST", "/api/v1/outreach-events", "application/json", "[]", "ingest", "admin"),
            get("/api/v1/outreach-events", "reader", "admin"));

    @TestFactory
    Stream<DynamicTest> everyEndpointGrantsExactlyTheContractsRoles() {
        return RoleMatrix.of(ENDPOINTS, "GET /api/v1/public/dossiers/{dossierCode}");
    }

    @Test
    void publicProgressAndOperationalEndpointsNeedNoCredentials() {
        given().get("/api/v1/public/dossiers/UNKNOWN-CODE").then().statusCode(404).contentType("application/problem+json");
        given().get("/q/health").then().statusCode(not(401));
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }
}
