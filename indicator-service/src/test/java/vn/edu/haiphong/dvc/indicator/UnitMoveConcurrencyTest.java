package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.messaging.EventConsumer;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.testing.data.DataSet;

/**
 * Units re-parented under counted facts while two consumers (the service's own and a second member of its group,
 * here a consumer in the test running the service's processing) apply events at the same time: the numbers come out
 * exact for the tree as it finally stands, the counters equal a recount from the facts, and no batch ever had to be
 * tried again (a deadlock, a lock timeout or a transaction timeout would have made one).
 */
@QuarkusTest
class UnitMoveConcurrencyTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Inject
    EventConsumer processing;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CounterRepository counters;

    @Inject
    MeterRegistry registry;

    @Test
    void unitsMovedWhileTwoConsumersCountEndExactWithNoDeadlockAndNoRetry() throws Exception {
        DataSet data = new DataSet(81L, "UMC", 800);
        List<Object> messages = data.shuffledWithDuplicates();
        double retriedBefore = retried();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong bySecond = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch assigned = new CountDownLatch(1);
        Thread second = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> member = GroupMember.join(300)) {
                while (!stop.get()) {
                    if (!member.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    ConsumerRecords<String, byte[]> records = member.poll(Duration.ofMillis(100));
                    processing.consume(records);
                    member.commitSync();
                    bySecond.addAndGet(records.count());
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "second-member");
        second.start();
        try {
            // Both members hold partitions before anything is sent, so that both count from the first event.
            assertThat(assigned.await(60, TimeUnit.SECONDS)).as("the second member was given partitions").isTrue();
            // The reference data first, so that the moves below move counted facts; then the events in slices, with a
            // move of a school or of a whole district between each slice.
            List<Object> reference = new ArrayList<>(data.reference);
            Published.send(reference);
            List<Object> events = messages.stream().filter(m -> !(m instanceof UnitRecord) && !data.reference.contains(m)).toList();
            List<List<UnitRecord>> moves = List.of(
                    List.of(under(data.schools.get(0), data.districts.get(1))),
                    List.of(under(data.districts.get(2), data.districts.get(0))),
                    List.of(under(data.schools.get(0), data.districts.get(2)), under(data.schools.get(4), null)),
                    List.of(under(data.districts.get(2), data.root)),
                    List.of(under(data.schools.get(4), data.districts.get(0)), under(data.districts.get(1), data.districts.get(2))));
            int slice = events.size() / (moves.size() + 1) + 1;
            for (int i = 0; i <= moves.size(); i++) {
                Published.send(events.subList(Math.min(events.size(), i * slice), Math.min(events.size(), (i + 1) * slice)));
                if (i < moves.size()) {
                    Published.send(moves.get(i));
                }
            }
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> failure.get() != null || Indicators.matches(FROM, TO, data.root)
                            && data.districts.stream().allMatch(d -> Indicators.matches(FROM, TO, d))
                            && Indicators.matches(FROM, TO, data.schools.get(4)));
        } finally {
            stop.set(true);
            second.join(30_000);
        }
        assertThat(failure.get()).as("the second member's failure").isNull();
        assertThat(bySecond.get()).as("records the second member applied").isPositive();

        for (String unit : List.of(data.root, data.districts.get(0), data.districts.get(1), data.districts.get(2), data.schools.get(0),
                data.schools.get(4))) {
            Indicators.assertExact(FROM, TO, unit);
            Indicators.assertExact(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 8, 31), unit);
        }
        assertThat(CounterSnapshot.of(dataSource)).containsExactlyElementsOf(CounterSnapshot.recounted(dataSource, counters));
        assertThat(retried()).as("batches tried again (a deadlock, a lock or transaction timeout)").isEqualTo(retriedBefore);
    }

    private static UnitRecord under(String code, String parent) {
        UnitRecord now = Published.LEDGER.unit(code);
        return new UnitRecord(code, now.name(), now.type(), parent, now.adultPopulation());
    }

    private double retried() {
        return registry.counter("dvc.indicator.batches.retried").count();
    }
}
