package vn.edu.haiphong.dvc.payment;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static vn.edu.haiphong.dvc.payment.Fixtures.asReader;
import static vn.edu.haiphong.dvc.payment.Fixtures.post;
import static vn.edu.haiphong.dvc.payment.Fixtures.unique;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What an accountant reads: a dossier's transactions, and counts and sums by method for reconciliation. */
@QuarkusTest
class PaymentQueryTest {

    @Inject
    DataSource dataSource;

    @Test
    void summarisesPaymentsOfThePeriodInTheUnitsSubtreeByMethod() {
        Fixtures.Scope department = Fixtures.Scope.create(dataSource);
        Fixtures.Scope school = Fixtures.Scope.create(dataSource, department.unit());
        Fixtures.Scope elsewhere = Fixtures.Scope.create(dataSource);

        String refundedTx = unique("TX");
        post(List.of(
                department.paid(unique("TX"), unique("HS"), 100_000, "NATIONAL_PORTAL"),
                school.paid(unique("TX"), unique("HS"), 50_000, "NATIONAL_PORTAL"),
                school.paid(refundedTx, "HS-R", 20_000, "NATIONAL_PORTAL"),
                school.refunded(refundedTx, "HS-R"),
                school.paid(unique("TX"), unique("HS"), 7_000, "CASH"),
                at(school.paid(unique("TX"), unique("HS"), 999_000, "CASH"), "2023-12-31T23:59:00+07:00"),
                at(school.paid(unique("TX"), unique("HS"), 888_000, "CASH"), "2024-01-01T00:00:00+07:00"),
                elsewhere.paid(unique("TX"), unique("HS"), 5_000_000, "NATIONAL_PORTAL")))
                .statusCode(202).body("accepted", equalTo(8));

        asReader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", department.unit())
                .get("/api/v1/payments/summary").then().statusCode(200)
                .body("unit", equalTo(department.unit()))
                .body("currency", equalTo("VND"))
                .body("byMethod.method", hasItems("NATIONAL_PORTAL", "OTHER_ONLINE", "BANK_TRANSFER", "CASH"))
                .body("byMethod.find { it.method == 'NATIONAL_PORTAL' }.paid.count", equalTo(3))
                .body("byMethod.find { it.method == 'NATIONAL_PORTAL' }.paid.amount", equalTo(170_000))
                .body("byMethod.find { it.method == 'NATIONAL_PORTAL' }.refunded.count", equalTo(1))
                .body("byMethod.find { it.method == 'NATIONAL_PORTAL' }.refunded.amount", equalTo(20_000))
                .body("byMethod.find { it.method == 'NATIONAL_PORTAL' }.net.amount", equalTo(150_000))
                .body("byMethod.find { it.method == 'CASH' }.paid.count", equalTo(2))
                .body("byMethod.find { it.method == 'CASH' }.paid.amount", equalTo(895_000))
                .body("byMethod.find { it.method == 'OTHER_ONLINE' }.paid.count", equalTo(0))
                .body("total.paid.count", equalTo(5))
                .body("total.net.count", equalTo(4))
                .body("total.net.amount", equalTo(1_045_000));

        asReader().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").queryParam("unit", school.unit())
                .get("/api/v1/payments/summary").then().statusCode(200)
                .body("total.paid.count", equalTo(4))
                .body("total.paid.amount", equalTo(965_000));
    }

    @Test
    void refusesBadParametersNamingEach() {
        asReader().queryParam("from", "2024-13-01").queryParam("to", "2024-02-30").get("/api/v1/payments/summary").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("from", "to"));
        asReader().queryParam("from", "2024-06-01").queryParam("to", "2024-01-01").get("/api/v1/payments/summary").then()
                .statusCode(400).body("errors[0].field", equalTo("from"));
        asReader().queryParam("unit", "NO-SUCH-UNIT").get("/api/v1/payments/summary").then()
                .statusCode(400).body("errors[0].field", equalTo("unit"));
        asReader().get("/api/v1/payments").then().statusCode(400).body("errors[0].field", equalTo("dossierCode"));
    }

    @Test
    void listsOnlyTheDossiersTransactions() {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        String dossier = unique("HS");
        post(List.of(scope.paid(unique("TX"), dossier, 1_000, "CASH"), scope.paid(unique("TX"), dossier, 2_000, "NATIONAL_PORTAL"),
                scope.paid(unique("TX"), unique("HS"), 3_000, "CASH"))).statusCode(202);
        asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("amount", hasItems(1_000, 2_000));
    }

    private static Map<String, Object> at(Map<String, Object> event, String occurredAt) {
        event.put("occurredAt", OffsetDateTime.parse(occurredAt).toString());
        return event;
    }
}
