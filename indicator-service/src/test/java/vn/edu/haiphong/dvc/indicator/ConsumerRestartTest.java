package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.indicator.messaging.EventConsumer;
import vn.edu.haiphong.dvc.testing.data.DataSet;

/**
 * Scale-out and restarts: a second member of the consumer group (another instance, here a consumer in
 * the test running the service's own processing) shares the partitions with the service's consumer;
 * then it crashes after applying a batch but before committing its offsets, so the batch is delivered
 * again to whoever takes over; then a restarted member joins again. The numbers must come out exactly
 * as if one consumer had read every event once.
 */
@QuarkusTest
class ConsumerRestartTest {

    @Inject
    EventConsumer processing;

    @Test
    void twoMembersShareThePartitionsAndAMemberDyingBeforeItsCommitCountsNothingTwice() {
        DataSet data = new DataSet(77L, "RST", 500);
        List<Object> messages = data.shuffledWithDuplicates();
        int third = messages.size() / 3;

        long processedBySecond = 0;
        long redelivered;
        try (KafkaConsumer<String, byte[]> second = GroupMember.join(200)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                second.poll(Duration.ofMillis(200));
                return !second.assignment().isEmpty();
            });
            Published.send(messages.subList(0, third));
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = second.poll(Duration.ofMillis(300));
                processing.consume(records);
                second.commitSync();
                processedBySecond += records.count();
            }
            // The member applies one more batch and dies before committing it.
            Published.send(messages.subList(third, 2 * third));
            ConsumerRecords<String, byte[]> last = ConsumerRecords.empty();
            for (int i = 0; i < 20 && last.isEmpty(); i++) {
                last = second.poll(Duration.ofMillis(500));
            }
            processing.consume(last);
            redelivered = last.count();
        }
        assertThat(processedBySecond).as("messages the second member processed").isPositive();
        assertThat(redelivered).as("messages applied but never committed, so delivered again").isPositive();

        // A restarted member joins the group again while the rest arrives.
        Published.send(messages.subList(2 * third, messages.size()));
        try (KafkaConsumer<String, byte[]> restarted = GroupMember.join(200)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                ConsumerRecords<String, byte[]> records = restarted.poll(Duration.ofMillis(300));
                processing.consume(records);
                restarted.commitSync();
            }
        }

        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(from, to, data.root)
                        && Indicators.matches(LocalDate.of(2023, 1, 1), LocalDate.of(2025, 12, 31), data.root));
        Indicators.assertExact(from, to, data.root);
        Indicators.assertExact(from, to, data.districts.get(1));
        Indicators.assertExact(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 30), data.schools.get(3));
    }
}
