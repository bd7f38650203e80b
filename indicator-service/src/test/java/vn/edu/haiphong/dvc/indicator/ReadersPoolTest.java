package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.indicator.repository.Jdbc;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * r2 (issue 15): what requests read runs on a pool of its own, whose statements end at the read timeout, and the
 * consumer counts on its own pool however busy the readers are.
 */
@QuarkusTest
@TestProfile(ReadersPoolTest.SmallReadersPool.class)
class ReadersPoolTest {

    private static final int READERS = 3;

    public static class SmallReadersPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dvc.indicator.read-statement-timeout", "1s",
                    "quarkus.datasource.readers.jdbc.max-size", Integer.toString(READERS),
                    "quarkus.datasource.readers.jdbc.acquisition-timeout", "2s");
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    @DataSource("readers")
    AgroalDataSource readers;

    @Test
    void aReadThatRunsPastTheReadTimeoutIsEndedWithA503WhileAWriteInATransactionIsNot() {
        assertThatThrownBy(() -> jdbc.list("select pg_sleep(3)", rs -> 1))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        // The same statement inside a transaction runs on the writers' pool, which has no such limit.
        assertThat(QuarkusTransaction.requiringNew().call(() -> jdbc.list("select pg_sleep(1.5)", rs -> 1))).hasSize(1);
        // Each reader's connection carries the timeout, not only the first.
        assertThat(jdbc.list("show statement_timeout", rs -> rs.getString(1))).containsExactly("1s");
    }

    @Test
    void withEveryReadersConnectionTakenRequestsGetA503AndTheConsumerStillCounts() throws SQLException {
        String code = "POOL-HS-1";
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < READERS; i++) {
                held.add(readers.getConnection());
            }
            given().auth().oauth2(TestTokens.reader()).get("/api/v1/indicators/online-submission?from=2024-07-01&to=2024-07-31&unit=POOL-U")
                    .then().statusCode(503).contentType("application/problem+json").body("status", equalTo(503));

            OffsetDateTime july = OffsetDateTime.of(2024, 7, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7));
            Published.sendRaw(List.of(Published.of(new UnitRecord("POOL-U", "Trường Bể Kết Nối", UnitType.SCHOOL, null, null)),
                    Published.of(new DossierEvent("pool-sub-1", DossierEventType.SUBMITTED, july, code,
                    "POOL-P", "POOL-U", Channel.ONLINE, false, new Applicant(ApplicantKind.ORGANIZATION, "c".repeat(64), null, null),
                    null, null, null))));
            await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() -> jdbc.number(
                    new Jdbc.Sql().add("select count(*) from dossier_fact where dossier_code = ?", code))) == 1);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        // The readers' connections back, the request is answered, with the dossier the consumer counted meanwhile.
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/indicators/online-submission?from=2024-07-01&to=2024-07-31&unit=POOL-U")
                .then().statusCode(200).body("denominator", equalTo(1));
    }
}
