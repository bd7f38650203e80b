package vn.edu.haiphong.dvc.dossier;

import static io.restassured.RestAssured.given;
import static java.util.Map.entry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.testing.OpenApiChecks;
import vn.edu.haiphong.dvc.testing.OutboxChecks;
import vn.edu.haiphong.dvc.testing.ServiceChecks;

/** What an administrator reads: the OpenAPI document, health and metrics. */
@QuarkusTest
class OperationsTest {

    @Test
    void openApiDocumentsEveryEndpointWithItsStatusesAndExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/dossier-events'.post.responses.keySet()", hasItems("202", "400", "401", "403", "409", "413", "422"))
                .body("paths.'/api/v1/dossier-events'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/units/{code}'.put.responses.keySet()", hasItems("200", "201", "422"))
                .body("paths.'/api/v1/units:import'.post", notNullValue())
                .body("paths.'/api/v1/procedures/{code}'.get", notNullValue())
                .body("paths.'/api/v1/procedures:import'.post", notNullValue())
                .body("paths.'/api/v1/public/dossiers/{dossierCode}'.get.responses.keySet()", hasItems("200", "404"))
                .body("components.schemas.Problem.properties.keySet()", hasItems("type", "title", "status", "detail", "errors"))
                .body("components.securitySchemes.bearer", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyOperationHasAnOperationIdAndNoneIsRenamed() {
        OpenApiChecks.assertStable(Map.ofEntries(
                entry("GET /api/v1/units", "listUnits"),
                entry("GET /api/v1/units/{code}", "getUnit"),
                entry("PUT /api/v1/units/{code}", "putUnit"),
                entry("POST /api/v1/units:import", "importUnits"),
                entry("GET /api/v1/procedures", "listProcedures"),
                entry("GET /api/v1/procedures/{code}", "getProcedure"),
                entry("PUT /api/v1/procedures/{code}", "putProcedure"),
                entry("POST /api/v1/procedures:import", "importProcedures"),
                entry("POST /api/v1/dossier-events", "sendDossierEvents"),
                entry("POST /api/v1/outreach-events", "sendOutreachEvents"),
                entry("GET /api/v1/outreach-events", "listOutreachEvents"),
                entry("GET /api/v1/public/dossiers/{dossierCode}", "getDossierProgress")));
    }

    @Test
    void healthChecksTheDatabaseAndKafka() {
        ServiceChecks.assertReadyOnDatabaseAndKafka();
        OutboxChecks.assertCheckedForReadinessNotForRouting();
    }

    @Test
    void metricsCountIngestAndTheOutbox() {
        ServiceChecks.assertMetricsExported("dvc_outbox_backlog", "dvc_dossier_events_accepted_total", "dvc_outbox_relayed_total",
                "dvc_outbox_pending", "dvc_outbox_oldest_unrelayed_age_seconds");
    }
}
