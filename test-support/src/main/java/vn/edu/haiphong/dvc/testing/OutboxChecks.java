package vn.edu.haiphong.dvc.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * What an operator sees of an ingest service's outbox (ingest-common's relay and its health check), the same
 * for every service that has one.
 */
public final class OutboxChecks {

    private static final String CHECK = "Outbox relayed to Kafka";
    private static final String OUTBOX = "checks.find { it.name == '" + CHECK + "' }";
    private static final String KAFKA = "checks.find { it.name == 'Kafka connection health check' }";

    /** A second instead of five minutes, so that refused writes make the outbox stale at once. */
    public static class StaleAfterOneSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dvc.outbox.stale-after", "1s");
        }
    }

    private OutboxChecks() {
    }

    /** Whether what the service accepted reaches Kafka in time is checked for operators, not for routing. */
    public static void assertCheckedForReadinessNotForRouting() {
        given().get("/q/health/ready").then().body("checks.name", hasItem(CHECK));
        given().get("/q/health/group/serving").then().statusCode(200).body("checks.name", not(hasItem(CHECK)));
    }

    /**
     * An outbox that Kafka has not taken for longer than {@code dvc.outbox.stale-after} (run with
     * {@link StaleAfterOneSecond}) takes {@code /q/health/ready} down and shows in the metrics, while routing
     * ({@code /q/health/group/serving}) keeps the instance in service; both clear once the relay has drained it.
     *
     * <p>Kafka answers but refuses every write: the topic takes no message as large as ours. The connection check
     * cannot see that; the outbox check does. (With the broker stopped, the connection check would wait for its
     * admin client's 60 s timeout on every call to {@code /q/health/ready}.)
     *
     * @param topic the topic of the service's events
     * @param acceptOneEvent sends one event the service accepts (202)
     */
    public static void assertStaleBacklogTakesReadinessDownButNotRoutingAndClearsOnceRelayed(String bootstrapServers,
            String topic, Runnable acceptOneEvent) throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                .body(OUTBOX + ".status", equalTo("UP")));
        writesRefused(bootstrapServers, topic, true);
        try {
            acceptOneEvent.run();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then()
                    .statusCode(503)
                    .body(OUTBOX + ".status", equalTo("DOWN"))
                    .body(OUTBOX + ".data.pending", greaterThanOrEqualTo(1))
                    .body(OUTBOX + ".data.oldestUnrelayedAgeSeconds", greaterThanOrEqualTo(1))
                    .body(OUTBOX + ".data.staleAfterSeconds", equalTo(1))
                    .body(KAFKA + ".status", equalTo("UP")));
            given().get("/q/health/group/serving").then().statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", not(hasItem(CHECK)));
            assertThat(metric("dvc_outbox_pending")).isGreaterThanOrEqualTo(1);
            assertThat(metric("dvc_outbox_oldest_unrelayed_age_seconds")).isGreaterThanOrEqualTo(1);
        } finally {
            writesRefused(bootstrapServers, topic, false);
        }
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200)
                .body(OUTBOX + ".status", equalTo("UP"))
                .body(OUTBOX + ".data.pending", equalTo(0))
                .body(OUTBOX + ".data.oldestUnrelayedAgeSeconds", equalTo(0)));
        assertThat(metric("dvc_outbox_pending")).isZero();
        assertThat(metric("dvc_outbox_oldest_unrelayed_age_seconds")).isZero();
    }

    /** Makes the broker refuse every message to the topic, or take them again. */
    private static void writesRefused(String bootstrapServers, String topic, boolean refused) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            AlterConfigOp limit = new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "1"),
                    refused ? AlterConfigOp.OpType.SET : AlterConfigOp.OpType.DELETE);
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(limit)))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    /** A gauge's value as Prometheus reads it. */
    private static double metric(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + name + "(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(m.find()).as("%s in\n%s", name, metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
