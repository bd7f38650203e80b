package vn.edu.haiphong.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static vn.edu.haiphong.dvc.payment.Fixtures.post;
import static vn.edu.haiphong.dvc.payment.Fixtures.unique;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Units and procedures are dossier-service's. This service keeps a copy from the compacted topics, asks
 * dossier-service about a code it has not seen yet (read-your-writes for an integrator who registers and
 * pays at once), and keeps working from its copy while dossier-service is down.
 */
@QuarkusTest
class ReferenceDataTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.rest-client.dossier-service.url")
    String dossierServiceUrl;

    @ConfigProperty(name = "dvc.payment.dossier-service-token")
    String token;

    @Test
    void aUnitAndProcedureRegisteredAMomentAgoAreAcceptedOnTheVeryNextRequest() throws Exception {
        // Registered in dossier-service, whose messages have not reached this service yet.
        String unit = unique("NEW-U");
        String procedure = unique("NEW-P");
        Fixtures.Scope fresh = new Fixtures.Scope(unit, procedure);
        try (DossierServiceStub dossierService = new DossierServiceStub(dossierServiceUrl, token)) {
            dossierService.unit(unit, "Trường Tiểu học Đằng Hải", null);
            dossierService.procedure(procedure, "Cấp bản sao văn bằng");
            post(fresh.paid(unique("TX"), unique("HS"), 30_000, "NATIONAL_PORTAL")).statusCode(202);
            int asked = dossierService.lookUps();
            assertThat(asked).isEqualTo(2);
            // Copied: the next payment needs no look-up.
            post(fresh.paid(unique("TX"), unique("HS"), 30_000, "NATIONAL_PORTAL")).statusCode(202);
            assertThat(dossierService.lookUps()).isEqualTo(asked);
        }
        // dossier-service is down now; the copy still answers.
        post(fresh.paid(unique("TX"), unique("HS"), 30_000, "CASH")).statusCode(202);
        assertThat(Fixtures.count(dataSource, "select count(*) from unit_copy where code = ? and name = 'Trường Tiểu học Đằng Hải'", unit))
                .isEqualTo(1);
    }

    @Test
    void whileDossierServiceIsDownTheTopicFedCopyKeepsPaymentsFlowing() {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        post(scope.paid(unique("TX"), unique("HS"), 10_000, "BANK_TRANSFER")).statusCode(202);
    }

    @Test
    void aCodeNeverSeenWhileDossierServiceIsDownIsA503ToRetryAndNothingIsStored() {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        String dossier = unique("HS");
        var paid = scope.paid(unique("TX"), dossier, 10_000, "CASH");
        paid.put("unitCode", unique("UNSEEN"));
        post(paid).statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("retry"));
        Fixtures.asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then().body("size()", equalTo(0));
    }

    @Test
    void aCodeDossierServiceDoesNotKnowIsRefused() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        try (DossierServiceStub dossierService = new DossierServiceStub(dossierServiceUrl, token)) {
            var paid = scope.paid(unique("TX"), unique("HS"), 10_000, "CASH");
            paid.put("procedureCode", unique("9.99"));
            post(paid).statusCode(422).body("errors[0].field", equalTo("procedureCode"));
        }
    }

    @Test
    void aCodeDossierServiceDoesNotKnowIsRememberedBrieflyAndOneRequestLooksUpAtMostTwenty() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        try (DossierServiceStub dossierService = new DossierServiceStub(dossierServiceUrl, token)) {
            String unknown = unique("9.98");
            var paid = scope.paid(unique("TX"), unique("HS"), 10_000, "CASH");
            paid.put("procedureCode", unknown);
            post(paid).statusCode(422).body("errors[0].field", equalTo("procedureCode"));
            // Asked once: the same unknown code again within the miss TTL is refused without a call.
            post(paid).statusCode(422).body("errors[0].field", equalTo("procedureCode"));
            assertThat(dossierService.lookUps()).isEqualTo(1);

            // 30 codes the copy does not hold, in one batch: no look-up at all, a 503 to retry, nothing stored.
            java.util.List<Object> batch = new java.util.ArrayList<>();
            String dossier = unique("HS");
            for (int i = 0; i < 30; i++) {
                var e = scope.paid(unique("TX"), dossier, 10_000, "CASH");
                e.put("procedureCode", unique("9.97"));
                batch.add(e);
            }
            post(batch).statusCode(503).contentType("application/problem+json").body("detail", containsString("retry"));
            assertThat(dossierService.lookUps()).isEqualTo(1);
            Fixtures.asReader().queryParam("dossierCode", dossier).get("/api/v1/payments").then().body("size()", equalTo(0));

            // 20 are looked up, each once.
            batch.subList(20, 30).clear();
            post(batch).statusCode(422);
            assertThat(dossierService.lookUps()).isEqualTo(21);
        }
    }

    @Test
    void aChangedUnitOnTheTopicReplacesTheCopy() {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        Fixtures.publish(vn.edu.haiphong.dvc.contract.Topics.UNITS, scope.unit(), "{\"code\":\"" + scope.unit()
                + "\",\"name\":\"Trường THPT Ngô Quyền\",\"type\":\"SCHOOL\",\"parentCode\":null,\"adultPopulation\":4200}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> Fixtures.count(dataSource,
                "select count(*) from unit_copy where code = ? and name = 'Trường THPT Ngô Quyền' and adult_population = 4200",
                scope.unit()) == 1);
    }
}
