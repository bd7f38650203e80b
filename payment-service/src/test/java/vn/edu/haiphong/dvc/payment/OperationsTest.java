package vn.edu.haiphong.dvc.payment;

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
                .body("paths.'/api/v1/payment-events'.post.responses.keySet()",
                        hasItems("202", "400", "401", "403", "409", "413", "422", "503"))
                .body("paths.'/api/v1/payment-events'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/payments'.get.responses.keySet()", hasItems("200", "400"))
                .body("paths.'/api/v1/payments/summary'.get.responses.keySet()", hasItems("200", "400"))
                .body("components.schemas.PaymentSummary", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyOperationHasAnOperationIdAndNoneIsRenamed() {
        OpenApiChecks.assertStable(Map.ofEntries(
                entry("POST /api/v1/payment-events", "sendPaymentEvents"),
                entry("GET /api/v1/payments", "listPayments"),
                entry("GET /api/v1/payments/summary", "getPaymentSummary")));
    }

    @Test
    void healthChecksTheDatabaseAndKafka() {
        ServiceChecks.assertReadyOnDatabaseAndKafka();
        OutboxChecks.assertCheckedForReadinessNotForRouting();
    }

    @Test
    void metricsCountIngestAndTheOutbox() {
        ServiceChecks.assertMetricsExported("dvc_outbox_backlog", "dvc_payment_events_accepted_total", "dvc_outbox_relayed_total",
                "dvc_outbox_pending", "dvc_outbox_oldest_unrelayed_age_seconds", "dvc_payment_reference_dead_lettered_total");
    }
}
