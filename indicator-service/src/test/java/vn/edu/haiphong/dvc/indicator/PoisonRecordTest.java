package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.Broker;
import vn.edu.haiphong.dvc.testing.TopicReader;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * Any bytes on any topic the service consumes: each record is counted or set aside with its reason, and the
 * consumer goes on counting what comes after (before, one JSON {@code null} closed it for good while the service
 * still answered 200).
 */
@QuarkusTest
class PoisonRecordTest {

    private static final List<String> TOPICS = List.of(Topics.DOSSIER_EVENTS, Topics.PAYMENT_EVENTS, Topics.UNITS, Topics.PROCEDURES);
    private static final int HUGE = 600 * 1024;
    private static final OffsetDateTime JULY = OffsetDateTime.of(2024, 7, 2, 9, 0, 0, 0, ZoneOffset.ofHours(7));

    /** Each poison shape, by name: the reason must say what was wrong. */
    private static Map<String, byte[]> shapes() {
        Map<String, byte[]> shapes = new LinkedHashMap<>();
        shapes.put("null", "null".getBytes(StandardCharsets.UTF_8));
        shapes.put("array", "[]".getBytes(StandardCharsets.UTF_8));
        shapes.put("string", "\"x\"".getBytes(StandardCharsets.UTF_8));
        shapes.put("number", "42".getBytes(StandardCharsets.UTF_8));
        shapes.put("huge", ("\"" + "a".repeat(HUGE) + "\"").getBytes(StandardCharsets.UTF_8));
        shapes.put("utf8", new byte[] {'{', '"', 'c', 'o', 'd', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        shapes.put("shape", "{\"eventId\":{\"nested\":true},\"code\":[1,2]}".getBytes(StandardCharsets.UTF_8));
        shapes.put("empty", new byte[0]);
        shapes.put("deep", ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8));
        return shapes;
    }

    @Test
    void everyPoisonShapeOnEveryTopicIsSetAsideWithItsReasonAndTheValidRecordsAfterItAreCounted() {
        for (String topic : TOPICS) {
            Map<String, byte[]> keyed = new LinkedHashMap<>();
            shapes().forEach((name, value) -> keyed.put(key(topic, name), value));
            Published.sendBytes(topic, keyed);
        }
        // The same valid records after the poison: a unit, a procedure, a dossier named before its unit arrives, a payment.
        String unit = "PSN-U";
        String procedure = "PSN-P";
        DossierEvent submitted = new DossierEvent("psn-sub", DossierEventType.SUBMITTED, JULY, "PSN-HS-1", procedure, unit,
                Channel.ONLINE, true, new Applicant(ApplicantKind.CITIZEN, "e".repeat(64), true, true), null, null, null);
        PaymentEvent paid = new PaymentEvent("psn-paid", PaymentEventType.PAID, "PSN-T-1", JULY, "PSN-HS-1", procedure, unit,
                50_000L, PaymentMethod.NATIONAL_PORTAL);
        Published.send(List.of(submitted, paid));
        Published.send(List.of(new UnitRecord(unit, "Trường Hải Phòng độc hại", UnitType.SCHOOL, null, null),
                new ProcedureRecord(procedure, "Thủ tục thử", "Giáo dục", true, true, true, true)));

        int expected = TOPICS.size() * shapes().size();
        try (TopicReader reader = new TopicReader(Broker.bootstrapServers(), "dvc.indicator-service.dead-letters")) {
            Map<String, TopicReader.Message> letters = new LinkedHashMap<>();
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                reader.poll().stream().filter(m -> m.key() != null && m.key().startsWith("psn|")).forEach(m -> letters.put(m.key(), m));
                return letters.size() == expected;
            });
            for (String topic : TOPICS) {
                assertThat(reason(letters, topic, "null")).contains("null");
                assertThat(reason(letters, topic, "array")).startsWith("unreadable");
                assertThat(reason(letters, topic, "string")).startsWith("unreadable");
                assertThat(reason(letters, topic, "number")).startsWith("unreadable");
                assertThat(reason(letters, topic, "huge")).startsWith("unreadable");
                assertThat(reason(letters, topic, "utf8")).isEqualTo("not valid UTF-8");
                assertThat(reason(letters, topic, "shape")).startsWith("unreadable");
                assertThat(reason(letters, topic, "empty")).startsWith("unreadable");
                assertThat(reason(letters, topic, "deep")).startsWith("unreadable");
                TopicReader.Message huge = letters.get(key(topic, "huge"));
                assertThat(huge.headers()).containsEntry("dead-letter-topic", topic)
                        .containsEntry("dead-letter-truncated-from", Integer.toString(HUGE + 2));
                assertThat(huge.value()).hasSize(512 * 1024);
                assertThat(letters.get(key(topic, "null")).value()).isEqualTo("null");
                assertThat(letters.get(key(topic, "null")).headers()).containsKeys("dead-letter-partition", "dead-letter-offset");
            }
            assertThat(letters.keySet()).as("each poison record set aside once").hasSize(expected);
        }

        // The consumer went on: everything valid after the poison is counted, the dossier for the unit that came after it.
        LocalDate day = JULY.toLocalDate();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            Map<String, Expected.Pair> served = Indicators.served(day, day, unit);
            return served.get("online-submission").equals(new Expected.Pair(1, 1L)) && Indicators.matches(day, day, unit);
        });
        Indicators.assertExact(day, day, unit);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aUnitRecordThatWouldPlaceAUnitBelowItselfIsSetAsideAndTheTreeStaysAsItWas() {
        Published.send(List.of(new UnitRecord("PSN-A", "Phòng A", UnitType.DISTRICT_OFFICE, null, null),
                new UnitRecord("PSN-B", "Trường B", UnitType.SCHOOL, "PSN-A", null)));
        // A cycle: A under B while B is under A. The database refuses it; the batch is split until the record is found.
        Published.sendRaw(List.of(new Published.Message(Topics.UNITS, "PSN-A",
                "{\"code\":\"PSN-A\",\"name\":\"Phòng A\",\"type\":\"DISTRICT_OFFICE\",\"parentCode\":\"PSN-B\",\"adultPopulation\":null}",
                "unit-PSN-A-cycle", "t")));
        DossierEvent after = new DossierEvent("psn-cycle-after", DossierEventType.SUBMITTED, JULY, "PSN-HS-2", "PSN-P", "PSN-B",
                Channel.ONLINE, false, new Applicant(ApplicantKind.ORGANIZATION, "d".repeat(64), null, null), null, null, null);
        Published.send(List.of(after));
        try (TopicReader reader = new TopicReader(Broker.bootstrapServers(), "dvc.indicator-service.dead-letters")) {
            String reason = await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll().stream()
                    .filter(m -> "PSN-A".equals(m.key())).map(m -> m.headers().get("dead-letter-reason"))
                    .collect(Collectors.joining()), r -> !r.isEmpty());
            assertThat(reason).startsWith("could not be applied").contains("PSN-A").contains("below it");
        }
        LocalDate day = JULY.toLocalDate();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> Indicators.served(day, day, "PSN-A").get("online-submission").equals(new Expected.Pair(1, 1L))
                        && Indicators.matches(day, day, "PSN-A"));
        Indicators.assertExact(day, day, "PSN-A");
        Indicators.assertExact(day, day, "PSN-B");
    }

    private static String key(String topic, String shape) {
        return "psn|" + topic + "|" + shape;
    }

    private static String reason(Map<String, TopicReader.Message> letters, String topic, String shape) {
        TopicReader.Message m = letters.get(key(topic, shape));
        assertThat(m).as("dead letter for %s on %s", shape, topic).isNotNull();
        return m.headers().get("dead-letter-reason");
    }
}
