package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.indicator.service.FactUpdater;
import vn.edu.haiphong.dvc.indicator.service.Received;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * A consumer that does not count is never hidden behind answers that look fresh. First it stalls (every batch waits
 * on a lock another session holds, as behind a database that does not answer): readiness DOWN, the metric and the
 * dashboard's status say so, and once the lock goes the event is counted, once, and readiness is UP again. Then it
 * closes for good (an error of the JVM itself while applying a batch): readiness and liveness DOWN. In an application
 * of its own (its own consumer group, checks every second, stalled after 3 s), so that the other tests' consumer is
 * untouched. Its events fall on days in 2001, which the other tests' application also counts but never reads.
 */
@QuarkusTest
@TestProfile(ConsumerHealthTest.OwnGroup.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumerHealthTest {

    private static final String UNIT = "HEALTH-U";
    private static final OffsetDateTime DAY = OffsetDateTime.of(2001, 8, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7));

    public static class OwnGroup implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.events.group.id", "indicator-consumer-health-test",
                    "dvc.indicator.consumer.check-every", "1s", "dvc.indicator.consumer.stalled-after", "3s");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private static DossierEvent submitted(String id) {
        return new DossierEvent(id, DossierEventType.SUBMITTED, DAY, "HEALTH-HS-" + id, "HEALTH-P", UNIT, Channel.ONLINE, false,
                new Applicant(ApplicantKind.ORGANIZATION, "c".repeat(64), null, null), null, null, null);
    }

    private static void send(Object message) {
        // Not in this module's record of what was sent (this application's class loader has its own): see above.
        Published.sendRaw(List.of(Published.of(message)));
    }

    private static Expected.Pair onlineSubmission() {
        LocalDate day = DAY.toLocalDate();
        return Indicators.served(day, day, UNIT).get("online-submission");
    }

    @Test
    @Order(1)
    void aStalledConsumerIsNotReadyUntilItCountsAgainAndThenCountsEverythingOnce() throws Exception {
        send(new UnitRecord(UNIT, "Trường kiểm tra sức khỏe", UnitType.SCHOOL, null, null));
        send(submitted("health-1"));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> onlineSubmission().equals(new Expected.Pair(1, 1L)));
        given().get("/q/health/ready").then().statusCode(200);

        // Another session holds the tree lock that every batch takes first: the next batch waits, uncounted.
        try (Connection holder = dataSource.getConnection(); Statement s = holder.createStatement()) {
            s.execute("select pg_advisory_lock(7424001)");
            send(submitted("health-2"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'Counting events' }.data.state", equalTo("STALLED"))
                    .body("checks.find { it.name == 'Counting events' }.data.lag", equalTo(1)));
            given().auth().oauth2(TestTokens.reader()).get("/api/v1/dashboard/status").then().statusCode(200)
                    .body("counting", equalTo(false)).body("consumer.state", equalTo("STALLED")).body("consumer.lag", equalTo(1));
            given().get("/q/metrics").then().statusCode(200).body(containsString("dvc_indicator_consumer_lag 1.0"));
            // Alive all the same: a restart would not make the lock go away.
            given().get("/q/health/live").then().statusCode(200);
            try (PreparedStatement release = holder.prepareStatement("select pg_advisory_unlock(7424001)")) {
                release.execute();
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Counting events' }.data.state", equalTo("RUNNING")));
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> onlineSubmission().equals(new Expected.Pair(2, 2L)));
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/dashboard/status").then().body("counting", equalTo(true));
    }

    @Test
    @Order(2)
    void aClosedConsumerTakesTheInstanceOutOfServiceAndSaysSo() {
        QuarkusMock.installMockForType(new FactUpdater(null, null, null, null, null, null, null) {
            @Override
            public int count(List<Received> batch, short shard) {
                throw new OutOfMemoryError("simulated: the JVM ran out of memory");
            }
        }, FactUpdater.class);
        given().get("/q/health/ready").then().statusCode(200);

        send(submitted("health-3"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Counting events' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Counting events' }.data.state", equalTo("CLOSED"))
                .body("checks.find { it.name == 'Counting events' }.data.detail", containsString("OutOfMemoryError")));
        given().get("/q/health/live").then().statusCode(503).body("checks.name", hasItem("Event consumer"))
                .body("checks.find { it.name == 'Event consumer' }.status", equalTo("DOWN"));
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/dashboard/status").then().statusCode(200)
                .body("counting", equalTo(false)).body("consumer.state", equalTo("CLOSED"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("dvc_indicator_consumer_up 0.0"));
    }
}
