package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.testing.OpenApiChecks;
import vn.edu.haiphong.dvc.testing.ServiceChecks;

/** What an administrator reads: the OpenAPI document, health and metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void openApiDocumentsEveryEndpoint() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/indicators'.get.responses.keySet()", hasItems("200", "400", "401", "403"))
                .body("paths.'/api/v1/indicators/{id}'.get.responses.keySet()", hasItems("200", "404"))
                .body("paths.'/api/v1/indicators/{id}/series'.get", notNullValue())
                .body("paths.'/api/v1/indicators/{id}/units'.get", notNullValue())
                .body("paths.'/api/v1/indicators/{id}/dossiers'.get", notNullValue())
                .body("paths.'/api/v1/indicators/stream'.get", notNullValue())
                .body("paths.'/api/v1/plans/{year}'.put.responses.keySet()", hasItems("200", "201", "422"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyOperationHasAnOperationIdAndNoneIsRenamed() {
        OpenApiChecks.assertStable(Map.ofEntries(
                entry("GET /api/v1/indicators", "listIndicators"),
                entry("GET /api/v1/indicators/{id}", "getIndicator"),
                entry("GET /api/v1/indicators/{id}/series", "getIndicatorSeries"),
                entry("GET /api/v1/indicators/{id}/units", "getIndicatorRanking"),
                entry("GET /api/v1/indicators/{id}/dossiers", "listIndicatorDossiers"),
                entry("GET /api/v1/indicators/stream", "streamIndicators"),
                entry("GET /api/v1/plans/{year}", "getPlan"),
                entry("PUT /api/v1/plans/{year}", "putPlan"),
                entry("GET /api/v1/reports/plan", "getPlanReport"),
                entry("GET /api/v1/units", "listUnits"),
                entry("GET /api/v1/dashboard/status", "getDashboardStatus"),
                entry("GET /api/v1/plans/{year}/tasks", "getPlanTasks"),
                entry("GET /api/v1/scorecard", "getScorecard"),
                entry("GET /api/v1/scorecard/units", "getScorecardRanking"),
                entry("GET /api/v1/scorecard/series", "getScorecardSeries"),
                entry("GET /api/v1/scorecards/{year}", "getScorecardDefinition"),
                entry("PUT /api/v1/scorecards/{year}", "putScorecardDefinition")));
    }

    @Test
    void healthChecksTheDatabaseAndKafka() {
        ServiceChecks.assertReadyOnDatabaseAndKafka();
    }

    @Test
    void metricsCountTheEventsApplied() {
        // An event of its own, so that the counter exists whichever test ran before (or none).
        java.time.OffsetDateTime at = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(7)).minusMinutes(1);
        Published.send(java.util.List.of(new vn.edu.haiphong.dvc.contract.DossierEvent("ops-metric-1",
                vn.edu.haiphong.dvc.contract.DossierEventType.SUBMITTED, at, "OPS-HS-1", "OPS-P", "OPS-U",
                vn.edu.haiphong.dvc.contract.Channel.ONLINE, true, new vn.edu.haiphong.dvc.contract.Applicant(
                        vn.edu.haiphong.dvc.contract.ApplicantKind.ORGANIZATION, "d".repeat(64), null, null), null, null, null)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).ignoreExceptions()
                .untilAsserted(() -> ServiceChecks.assertMetricsExported("dvc_indicator_events_applied_total"));
    }
}
