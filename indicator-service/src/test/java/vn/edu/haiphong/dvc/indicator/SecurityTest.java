package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static vn.edu.haiphong.dvc.testing.RoleMatrix.Endpoint.get;
import static vn.edu.haiphong.dvc.testing.RoleMatrix.Endpoint.send;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.testing.RoleMatrix;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** Section 0: who may call what. */
@QuarkusTest
class SecurityTest {

    static final List<RoleMatrix.Endpoint> ENDPOINTS = List.of(
            get("/api/v1/indicators", "reader", "admin"),
            get("/api/v1/indicators/online-submission", "reader", "admin"),
            get("/api/v1/indicators/online-submission/series", "reader", "admin"),
            get("/api/v1/indicators/online-submission/units", "reader", "admin"),
            get("/api/v1/indicators/online-submission/dossiers", "reader", "admin"),
            get("/api/v1/plans/2024", "reader", "admin"),
            get("/api/v1/units", "reader", "admin"),
            get("/api/v1/dashboard/status", "reader", "admin"),
            get("/api/v1/reports/plan?year=2024&format=csv", "reader", "admin"),
            send("PUT", "/api/v1/plans/2099", "application/json", "{\"targets\":{}}", "admin"),
            // r2: the calendar, the open dossiers, a dossier's timeline.
            get("/api/v1/calendars/2024", "reader", "admin"),
            send("PUT", "/api/v1/calendars/2099", "application/json", "{\"holidays\":[],\"workingWeekendDays\":[],\"schoolBreaks\":[]}",
                    "admin"),
            get("/api/v1/open-dossiers", "reader", "admin"),
            get("/api/v1/open-dossiers/summary", "reader", "admin"),
            get("/api/v1/dossiers/SEC-NO-SUCH-DOSSIER", "reader", "admin"),
            // r2: the plan's tasks (section 9).
            get("/api/v1/plans/2024/tasks", "reader", "admin"),
            send("PUT", "/api/v1/plans/2024/tasks/13", "application/json", "{\"status\":\"IN_PROGRESS\"}", "admin"),
            // r2: a unit's weeks of broadcasts and the page's settings (a unit-reporter's access: OutreachWeeksTest).
            get("/api/v1/outreach/weeks?unit=SEC-NO-SUCH", "reader", "admin"),
            get("/api/v1/dashboard/config", "reader", "admin"),
            // r2 (issue 20): projections to the year's end; closed reports (a year out of range: nothing is closed here).
            get("/api/v1/projections", "reader", "admin"),
            send("POST", "/api/v1/reports/plan/closed", "application/json", "{\"year\":1999}", "admin"),
            get("/api/v1/reports/plan/closed", "reader", "admin"),
            get("/api/v1/alerts", "reader", "admin"),
            get("/api/v1/reports/plan/closed/2024?unit=SEC-NO-SUCH", "reader", "admin"),
            get("/api/v1/reports/plan/closed/2024/file?unit=SEC-NO-SUCH", "reader", "admin"),
            // r2: the national scorecard (section 10) and its definition per year.
            get("/api/v1/scorecard", "reader", "admin"),
            get("/api/v1/scorecard/units", "reader", "admin"),
            get("/api/v1/scorecard/series", "reader", "admin"),
            get("/api/v1/scorecards/2024", "reader", "admin"),
            send("PUT", "/api/v1/scorecards/2099", "application/json", "{\"version\":\"sec\",\"groups\":[{\"id\":\"1\","
                    + "\"name\":{\"vi\":\"Nhóm\",\"en\":\"Group\"},\"maxPoints\":10}],\"criteria\":[{\"id\":\"1.1\","
                    + "\"indicator\":\"online-submission\",\"maxPoints\":10,\"fullAt\":100}],\"notComputed\":[]}", "admin"));

    @TestFactory
    Stream<DynamicTest> everyEndpointGrantsExactlyTheContractsRoles() {
        // The public endpoints need no token: PublicIndicatorsTest.
        return RoleMatrix.of(ENDPOINTS, "GET /api/v1/indicators/stream", "GET /api/v1/alerts/stream", "GET /api/v1/public/indicators", "GET /api/v1/public/config");
    }

    /** The stream is left out of the table only because an allowed call never ends; its refusals are checked here. */
    @Test
    void theStreamIsRefusedWithoutAReaderToken() {
        given().get("/api/v1/indicators/stream").then().statusCode(401);
        given().auth().oauth2(TestTokens.expired("reader")).get("/api/v1/indicators/stream").then().statusCode(401);
        given().auth().oauth2(TestTokens.ingest()).get("/api/v1/indicators/stream").then().statusCode(403);
    }
}
