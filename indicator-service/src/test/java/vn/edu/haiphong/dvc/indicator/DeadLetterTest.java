package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.Broker;
import vn.edu.haiphong.dvc.testing.TopicReader;
import vn.edu.haiphong.dvc.testing.data.Expected;

/** A message that can never be processed goes to the dead-letter topic with its reason; the consumer goes on. */
@QuarkusTest
class DeadLetterTest {

    @Test
    void unprocessableMessagesAreSetAsideWithTheirReasonAndTheRestIsCounted() {
        String unit = "DLQ-U";
        String procedure = "DLQ-P";
        DossierEvent after = new DossierEvent("dlq-after", DossierEventType.SUBMITTED, OffsetDateTime.of(2024, 7, 1, 9, 0, 0, 0,
                ZoneOffset.ofHours(7)), "DLQ-HS-1", procedure, unit, Channel.ONLINE, true,
                new Applicant(ApplicantKind.CITIZEN, "f".repeat(64), true, true), null, null, null);
        Published.send(List.of(new UnitRecord(unit, "Trường DLQ", UnitType.SCHOOL, null, null),
                new ProcedureRecord(procedure, "Thủ tục DLQ", "Giáo dục", true, true, true, false)));
        Published.sendRaw(List.of(
                new Published.Message(Topics.DOSSIER_EVENTS, "dlq-not-json", "{ this is not json", "x1", "t"),
                new Published.Message(Topics.DOSSIER_EVENTS, "dlq-unknown-type", "{\"eventId\":\"dlq-2\",\"type\":\"ARCHIVED\","
                        + "\"occurredAt\":\"2024-07-01T09:00:00+07:00\",\"dossierCode\":\"DLQ-HS-2\",\"procedureCode\":\"DLQ-P\","
                        + "\"unitCode\":\"DLQ-U\"}", "x2", "t"),
                new Published.Message(Topics.PAYMENT_EVENTS, "dlq-missing", "{\"eventId\":\"dlq-3\",\"type\":\"PAID\"}", "x3", "t")));
        Published.send(List.of(after));

        try (TopicReader reader = new TopicReader(Broker.bootstrapServers(), "dvc.indicator-service.dead-letters")) {
            Map<String, String> reasons = await().atMost(Duration.ofSeconds(60))
                    .until(() -> reader.poll().stream().filter(m -> m.key() != null && m.key().startsWith("dlq-"))
                            .collect(Collectors.toMap(TopicReader.Message::key, m -> m.headers().get("dead-letter-reason"), (a, b) -> a)),
                            found -> found.size() == 3);
            assertThat(reasons.get("dlq-not-json")).startsWith("unreadable");
            assertThat(reasons.get("dlq-unknown-type")).contains("ARCHIVED");
            assertThat(reasons.get("dlq-missing")).contains("transactionId");
        }
        // The consumer went on: the valid event after them counts.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                Indicators.served(LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 1), unit).get("online-submission")
                        .equals(new Expected.Pair(1, 1L)));
    }
}
