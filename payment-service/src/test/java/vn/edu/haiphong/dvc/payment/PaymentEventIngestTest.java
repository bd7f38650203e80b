package vn.edu.haiphong.dvc.payment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static vn.edu.haiphong.dvc.payment.Fixtures.asReader;
import static vn.edu.haiphong.dvc.payment.Fixtures.post;
import static vn.edu.haiphong.dvc.payment.Fixtures.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** Section 3 of the contract, rule by rule, as the payment platform sees the answers. */
@QuarkusTest
class PaymentEventIngestTest {

    @Inject
    DataSource dataSource;

    private Fixtures.Scope scope;

    @BeforeEach
    void registerReferenceData() {
        scope = Fixtures.Scope.create(dataSource);
    }

    @Test
    void acceptsAPaymentAndAcknowledgesItsRepetitionAsADuplicate() {
        String dossier = unique("HS");
        Map<String, Object> paid = scope.paid(unique("TX"), dossier, 50_000, "NATIONAL_PORTAL");
        post(paid).statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(0));
        post(paid).statusCode(202).body("accepted", equalTo(0)).body("duplicates", equalTo(1));
        asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].state", equalTo("PAID"))
                .body("[0].method", equalTo("NATIONAL_PORTAL"))
                .body("[0].amount", equalTo(50_000))
                .body("[0].paidAt", equalTo("2024-03-04T08:20:00+07:00"));
    }

    @Test
    void refusesTheSameEventIdWithOtherContent() {
        Map<String, Object> paid = scope.paid(unique("TX"), unique("HS"), 50_000, "CASH");
        post(paid).statusCode(202);
        paid.put("amount", 60_000);
        post(paid).statusCode(409).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventId"))
                .body("errors[0].message", containsString("different content"));
    }

    @Test
    void aTransactionHasOnePaidAndOneRefundedEventAtMost() {
        String tx = unique("TX");
        String dossier = unique("HS");
        post(scope.paid(tx, dossier, 50_000, "CASH")).statusCode(202);
        post(scope.paid(tx, dossier, 50_000, "CASH")).statusCode(409)
                .body("errors[0].field", equalTo("type"))
                .body("errors[0].message", containsString("already has a PAID event"));
        post(scope.refunded(tx, dossier)).statusCode(202);
        post(scope.refunded(tx, dossier)).statusCode(409).body("errors[0].message", containsString("already has a REFUNDED event"));
        asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then()
                .body("[0].state", equalTo("REFUNDED"))
                .body("[0].refundedAt", equalTo("2024-03-06T10:00:00+07:00"));
    }

    @Test
    void aRefundMayArriveBeforeItsPayment() {
        String tx = unique("TX");
        String dossier = unique("HS");
        post(scope.refunded(tx, dossier)).statusCode(202);
        asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then()
                .body("[0].state", equalTo("REFUNDED")).body("[0].amount", nullValue());
        post(scope.paid(tx, dossier, 120_000, "OTHER_ONLINE")).statusCode(202);
        asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then()
                .body("[0].state", equalTo("REFUNDED")).body("[0].amount", equalTo(120_000))
                .body("[0].method", equalTo("OTHER_ONLINE"));
    }

    @Test
    void aRefundIsOfTheWholeAmount() {
        String tx = unique("TX");
        String dossier = unique("HS");
        post(scope.paid(tx, dossier, 50_000, "BANK_TRANSFER")).statusCode(202);
        Map<String, Object> partial = scope.refunded(tx, dossier);
        partial.put("amount", 20_000);
        post(partial).statusCode(409).body("errors[0].field", equalTo("amount"));
        Map<String, Object> whole = scope.refunded(tx, dossier);
        whole.put("amount", 50_000);
        post(whole).statusCode(202);
    }

    @Test
    void aTransactionKeepsItsDossierProcedureAndUnit() {
        String tx = unique("TX");
        post(scope.paid(tx, unique("HS"), 50_000, "CASH")).statusCode(202);
        Fixtures.Scope other = Fixtures.Scope.create(dataSource);
        post(other.refunded(tx, unique("HS"))).statusCode(409)
                .body("errors.field", hasItems("dossierCode", "procedureCode", "unitCode"));
    }

    @Test
    void appliesEveryFieldRule() {
        Map<String, Object> noMethod = scope.paid(unique("TX"), unique("HS"), 50_000, "CASH");
        noMethod.remove("method");
        post(noMethod).statusCode(422).body("errors[0].field", equalTo("method"));

        Map<String, Object> noAmount = scope.paid(unique("TX"), unique("HS"), 50_000, "CASH");
        noAmount.remove("amount");
        post(noAmount).statusCode(422).body("errors[0].field", equalTo("amount"));

        for (Object amount : List.of(0, -1, 1_000_000_000_001L, 12.5, "50000")) {
            Map<String, Object> bad = scope.paid(unique("TX"), unique("HS"), 1, "CASH");
            bad.put("amount", amount);
            post(bad).statusCode(422).body("errors[0].field", equalTo("amount"));
        }
        Map<String, Object> largest = scope.paid(unique("TX"), unique("HS"), 1_000_000_000_000L, "CASH");
        post(largest).statusCode(202);

        Map<String, Object> badMethod = scope.paid(unique("TX"), unique("HS"), 1, "CRYPTO");
        post(badMethod).statusCode(422).body("errors[0].field", equalTo("method"))
                .body("errors[0].message", containsString("NATIONAL_PORTAL"));

        Map<String, Object> badType = scope.paid(unique("TX"), unique("HS"), 1, "CASH");
        badType.put("type", "CHARGEBACK");
        post(badType).statusCode(422).body("errors[0].field", equalTo("type"));

        Map<String, Object> noTransaction = scope.refunded(unique("TX"), unique("HS"));
        noTransaction.remove("transactionId");
        noTransaction.put("eventId", "bad id!");
        noTransaction.put("occurredAt", "yesterday");
        post(noTransaction).statusCode(422).body("errors.field", hasItems("transactionId", "eventId", "occurredAt"));

        Map<String, Object> unknownUnit = scope.paid(unique("TX"), unique("HS"), 1, "CASH");
        unknownUnit.put("unitCode", unique("NOWHERE"));
        try (DossierServiceStub ignored = stub()) {
            post(unknownUnit).statusCode(422).body("errors[0].field", equalTo("unitCode"))
                    .body("errors[0].message", containsString("not a registered unit"));
        }
    }

    @Test
    void aBatchIsAllOrNothing() {
        String dossier = unique("HS");
        Map<String, Object> good = scope.paid(unique("TX"), dossier, 50_000, "NATIONAL_PORTAL");
        Map<String, Object> bad = scope.paid(unique("TX"), dossier, 50_000, "NATIONAL_PORTAL");
        bad.remove("method");
        post(List.of(good, bad)).statusCode(422).body("errors[0].index", equalTo(1));
        asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then().body("", empty());
        post(List.of(good, good)).statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(1));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 1_001; i++) {
            tooMany.add(scope.paid(unique("TX"), dossier, 1, "CASH"));
        }
        post(tooMany).statusCode(413).contentType("application/problem+json");
    }

    @Test
    void answersBodiesThatAreNotEventsWithAClearProblem() {
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.ingest()).contentType(ContentType.JSON).body("{ nope")
                .post("/api/v1/payment-events").then().statusCode(400).contentType("application/problem+json");
        post(List.of()).statusCode(422).body("errors[0].field", equalTo("body"));
    }

    private DossierServiceStub stub() {
        try {
            return new DossierServiceStub(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getValue("quarkus.rest-client.dossier-service.url", String.class), "test-reference-token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
