package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
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
    void healthChecksTheDatabaseAndKafka() {
        ServiceChecks.assertReadyOnDatabaseAndKafka();
    }

    @Test
    void metricsCountTheEventsApplied() {
        ServiceChecks.assertMetricsExported("dvc_indicator_events_applied_total");
    }
}
