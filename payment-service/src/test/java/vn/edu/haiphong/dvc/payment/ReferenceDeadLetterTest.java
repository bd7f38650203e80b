package vn.edu.haiphong.dvc.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.edu.haiphong.dvc.payment.Fixtures.unique;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.Broker;
import vn.edu.haiphong.dvc.testing.TopicReader;

/**
 * Whatever bytes arrive on a reference topic, the copy keeps learning: a record that can never be stored
 * is in the dead-letter topic with its reason and its source, the records after it are copied, and the
 * service stays ready. No dossier-service answers in these tests, so a payment is accepted only when its
 * unit and procedure came through the topics.
 */
@QuarkusTest
class ReferenceDeadLetterTest {

    private static final String DEAD_LETTERS = "dvc.payment-service.dead-letters";
    /** More than a dead letter can hold, and the broker's default limit of 1 MB. */
    private static final int HUGE = 1_500_000;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyUnreadableUnitIsDeadLetteredAndTheUnitsAfterItAreCopied() throws Exception {
        Map<String, Poison> poisons = commonPoisons();
        poisons.put(unique("shape"), new Poison("{\"unit\":{\"code\":\"X\",\"name\":\"N\",\"type\":\"SCHOOL\"}}",
                "code: missing; name: missing; type: missing"));
        poisons.put(unique("no-type"), new Poison("{\"code\":\"" + unique("U") + "\",\"name\":\"Trường\"}", "type: missing"));
        poisons.put(unique("long"), new Poison("{\"code\":\"" + unique("U") + "\",\"name\":\"" + "x".repeat(501)
                + "\",\"type\":\"SCHOOL\"}", "name: longer than 500 characters"));

        String unit = unique("U");
        String procedure = unique("P");
        Map<String, Long> offsets = produce(Topics.UNITS, poisons, unit, "{\"code\":\"" + unit
                + "\",\"name\":\"Trường " + unit + "\",\"type\":\"SCHOOL\",\"parentCode\":null,\"adultPopulation\":null}");
        Fixtures.publishProcedure(procedure);

        assertPaymentAccepted(new Fixtures.Scope(unit, procedure));
        assertDeadLettered(Topics.UNITS, poisons, offsets);
        assertStillReady();
    }

    @Test
    void everyUnreadableProcedureIsDeadLetteredAndTheProceduresAfterItAreCopied() throws Exception {
        Map<String, Poison> poisons = commonPoisons();
        poisons.put(unique("shape"), new Poison("{\"code\":\"" + unique("P") + "\",\"name\":[\"Cấp bản sao\"]}",
                "name: not a string; eligibleFullyOnline: missing"));
        poisons.put(unique("no-name"), new Poison("{\"code\":\"" + unique("P") + "\",\"field\":\"Văn bằng\","
                + "\"eligibleFullyOnline\":true,\"providedFullyOnline\":true,\"integratedNationalPortal\":true,\"feeBearing\":true}",
                "name: missing"));
        poisons.put(unique("no-code"), new Poison("{\"name\":\"Cấp bản sao\",\"eligibleFullyOnline\":true,"
                + "\"providedFullyOnline\":true,\"integratedNationalPortal\":true,\"feeBearing\":true}", "code: missing"));

        String unit = unique("U");
        String procedure = unique("P");
        Fixtures.publishUnit(unit, null);
        Map<String, Long> offsets = produce(Topics.PROCEDURES, poisons, procedure, "{\"code\":\"" + procedure
                + "\",\"name\":\"Cấp bản sao văn bằng\",\"field\":null,\"eligibleFullyOnline\":true,"
                + "\"providedFullyOnline\":true,\"integratedNationalPortal\":true,\"feeBearing\":true}");

        assertPaymentAccepted(new Fixtures.Scope(unit, procedure));
        assertDeadLettered(Topics.PROCEDURES, poisons, offsets);
        assertStillReady();
    }

    @Test
    void aUnitWhileTheDatabaseRefusesWritesIsRetriedUntilItIsStoredNotSkipped() throws Exception {
        String unit = unique("U");
        String procedure = unique("P");
        Fixtures.publishProcedure(procedure);
        Fixtures.awaitCopied(dataSource, "procedure_copy", procedure);
        Fixtures.Scope scope = new Fixtures.Scope(unit, procedure);
        // The state PostgreSQL answers with while it starts up or shuts down: a failure that passes.
        execute("create or replace function dvc_test_not_now() returns trigger language plpgsql as $$ begin "
                + "raise exception 'the database system is starting up' using errcode = '57P03'; end $$");
        execute("create trigger dvc_test_not_now before insert or update on unit_copy for each row execute function dvc_test_not_now()");
        try {
            Fixtures.publishUnit(unit, null);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> Fixtures.post(scope.paid(unique("TX"), unique("HS"), 10_000, "CASH")).extract().statusCode() == 503);
        } finally {
            execute("drop trigger dvc_test_not_now on unit_copy");
        }
        assertPaymentAccepted(scope);
    }

    private record Poison(byte[] value, String reason) {
        Poison(String json, String reason) {
            this(json.getBytes(StandardCharsets.UTF_8), reason);
        }
    }

    /** The shapes that are poison on either topic. */
    private static Map<String, Poison> commonPoisons() {
        Map<String, Poison> poisons = new LinkedHashMap<>();
        poisons.put(unique("null"), new Poison("null", "not a JSON object but null"));
        poisons.put(unique("array"), new Poison("[]", "not a JSON object but an array"));
        poisons.put(unique("string"), new Poison("\"x\"", "not a JSON object but a string"));
        poisons.put(unique("number"), new Poison("42", "not a JSON object but a number"));
        poisons.put(unique("empty"), new Poison("", "empty"));
        poisons.put(unique("not-json"), new Poison("{\"code\":", "not JSON"));
        poisons.put(unique("huge"), new Poison("\"" + "x".repeat(HUGE - 2) + "\"", "too large: " + HUGE + " bytes"));
        poisons.put(unique("not-utf8"), new Poison(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "not valid UTF-8"));
        return poisons;
    }

    /**
     * Produces the poisons, then the valid record, all to partition 0: the valid one is copied only if the
     * consumer went past every poison.
     *
     * @return the source offset of each poison, by key
     */
    private Map<String, Long> produce(String topic, Map<String, Poison> poisons, String validKey, String validJson) throws Exception {
        allowHugeRecords(topic);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * HUGE);
        Map<String, Long> offsets = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (var poison : poisons.entrySet()) {
                offsets.put(poison.getKey(), producer.send(new ProducerRecord<>(topic, 0, bytes(poison.getKey()), poison.getValue().value()))
                        .get(30, TimeUnit.SECONDS).offset());
            }
            // A tombstone on a compacted topic is not poison: ignored, and never dead-lettered.
            producer.send(new ProducerRecord<>(topic, 0, bytes(unique("tombstone")), null)).get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, 0, bytes(validKey), bytes(validJson))).get(30, TimeUnit.SECONDS);
        }
        return offsets;
    }

    /** Lets the reference topic take the huge record (dossier-service creates it with the broker's 1 MB limit). */
    private void allowHugeRecords(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(4 * HUGE)), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void assertPaymentAccepted(Fixtures.Scope scope) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Fixtures.post(scope.paid(unique("TX"), unique("HS"), 10_000, "CASH")).extract().statusCode() == 202);
    }

    private void assertDeadLettered(String topic, Map<String, Poison> poisons, Map<String, Long> offsets) {
        try (TopicReader reader = new TopicReader(bootstrapServers, DEAD_LETTERS)) {
            List<TopicReader.Message> letters = await().atMost(Duration.ofSeconds(60))
                    .until(() -> reader.poll().stream().filter(m -> poisons.containsKey(m.key())).toList(),
                            list -> list.size() >= poisons.size());
            assertThat(letters).extracting(TopicReader.Message::key).containsExactlyInAnyOrderElementsOf(poisons.keySet());
            for (TopicReader.Message letter : letters) {
                Poison poison = poisons.get(letter.key());
                assertThat(letter.headers())
                        .as("dead letter of %s", letter.key())
                        .containsEntry("dead-letter-topic", topic)
                        .containsEntry("dead-letter-partition", "0")
                        .containsEntry("dead-letter-offset", Long.toString(offsets.get(letter.key())));
                assertThat(letter.headers().get("dead-letter-reason")).as("reason for %s", letter.key()).startsWith(poison.reason());
                if (poison.value().length == HUGE) {
                    // Cut to fit, saying how large it was; the source offset points to the whole record.
                    assertThat(letter.headers()).containsEntry("dead-letter-original-size", Integer.toString(HUGE));
                    assertThat(letter.value().length()).isLessThan(HUGE).isGreaterThan(HUGE / 2);
                    assertThat(new String(poison.value(), StandardCharsets.UTF_8)).startsWith(letter.value());
                } else {
                    assertThat(letter.headers()).doesNotContainKey("dead-letter-original-size");
                    assertThat(letter.value()).isEqualTo(new String(poison.value(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(deadLettered(topic)).isGreaterThanOrEqualTo(poisons.size());
    }

    /** The counter as Prometheus reads it. */
    private static double deadLettered(String topic) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^dvc_payment_reference_dead_lettered_total\\{[^}]*topic=\"" + Pattern.quote(topic)
                + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(m.find()).as("dvc_payment_reference_dead_lettered_total for %s in\n%s", topic, metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static void assertStillReady() {
        assertThat(Broker.isRunning()).isTrue();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
