package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.messaging.EventConsumer;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;
import vn.edu.haiphong.dvc.testing.data.DataSet;

/**
 * Two instances, each owning some partitions, count one shuffled stream at the same time: their batches write the
 * counters and data_version under different shards (the lowest partition of the batch), and the numbers are exactly
 * what the facts give, summed over the shards; a recount collapses every counter into shard 0 with the same answers.
 * The two instances are two threads running the service's own processing on records of partition 0 and of partition 3.
 * A unit moved afterwards takes the sum of its shards' counts with it.
 */
@QuarkusTest
class ShardedCountersTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);
    private static final int BATCH = 40;

    @Inject
    EventConsumer processing;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CounterRepository counters;

    @Inject
    DataVersionRepository dataVersion;

    private long offset;

    @Test
    void twoShardsCountTheSameUnitsExactlyAndARecountCollapsesThemIntoShardZero() throws Exception {
        DataSet data = new DataSet(84L, "SHD", 400);
        List<Object> messages = data.shuffledWithDuplicates();
        Published.LEDGER.rememberAll(messages);
        processing.consume(records(data.reference, 0));
        List<Object> events = messages.stream().filter(m -> !data.reference.contains(m)).toList();

        // Alternate batches of the stream go to each instance: the same dossiers, units and applicants in both shards.
        List<List<Object>> first = new ArrayList<>();
        List<List<Object>> second = new ArrayList<>();
        for (int i = 0; i * BATCH < events.size(); i++) {
            (i % 2 == 0 ? first : second).add(events.subList(i * BATCH, Math.min(events.size(), (i + 1) * BATCH)));
        }
        long shardThreeBefore = versionOf(3);
        long versionBefore = dataVersion.version();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = instances.submit(() -> first.forEach(batch -> processing.consume(records(batch, 0))));
            Future<?> b = instances.submit(() -> second.forEach(batch -> processing.consume(records(batch, 3))));
            a.get();
            b.get();
        } finally {
            instances.shutdown();
        }

        for (String unit : List.of(data.root, data.districts.get(0), data.districts.get(1), data.schools.get(0))) {
            Indicators.assertExact(FROM, TO, unit);
            Indicators.assertExact(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 7, 31), unit);
        }
        assertThat(shardsOf(data.root)).as("the root's counter rows, by shard").containsExactly(0, 3);
        assertThat(shardsOf(CounterRepository.EVERY_UNIT)).as("every unit's counter rows, by shard").contains(0, 3);
        assertThat(CounterSnapshot.of(dataSource)).as("summed over the shards, as a recount from the facts gives")
                .containsExactlyElementsOf(CounterSnapshot.recounted(dataSource, counters));

        // The version is the sum of the shards' versions; each batch of the second instance moved shard 3's.
        assertThat(versionOf(3) - shardThreeBefore).as("batches counted in shard 3").isGreaterThanOrEqualTo(second.size());
        assertThat(dataVersion.version()).isEqualTo(sumOfVersions()).isGreaterThanOrEqualTo(versionBefore + first.size() + second.size());
        assertThat(dataVersion.eventsAt()).isPresent();

        // A school moved to another district while its counts lie in both shards: what moves is the sum of its rows.
        UnitRecord school = Published.LEDGER.unit(data.schools.get(0));
        String district = data.districts.stream().filter(d -> !d.equals(school.parentCode())).findFirst().orElseThrow();
        UnitRecord moved = new UnitRecord(school.code(), school.name(), school.type(), district, school.adultPopulation());
        Published.LEDGER.remember(moved);
        processing.consume(records(List.of(moved), 0));
        assertThat(CounterSnapshot.of(dataSource)).as("moved, as a recount from the facts gives")
                .containsExactlyElementsOf(CounterSnapshot.recounted(dataSource, counters));
        for (String unit : List.of(school.parentCode(), district, school.code())) {
            Indicators.assertExact(FROM, TO, unit);
        }

        long beforeRecount = dataVersion.version();
        List<String> answers = CounterSnapshot.of(dataSource);
        QuarkusTransaction.requiringNew().run(counters::recount);
        assertThat(rowsOutsideShardZero()).as("counter rows left outside shard 0 after a recount").isZero();
        assertThat(CounterSnapshot.of(dataSource)).containsExactlyElementsOf(answers);
        assertThat(dataVersion.version()).as("a recount moves the version").isGreaterThan(beforeRecount);
        for (String unit : List.of(data.root, district, school.code())) {
            Indicators.assertExact(FROM, TO, unit);
        }
    }

    /** The messages as one poll of the given partition of their topics, as a relay would have published them. */
    private synchronized List<ConsumerRecord<String, byte[]>> records(List<?> messages, int partition) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (Object message : messages) {
            Published.Message m = Published.of(message);
            records.add(new ConsumerRecord<>(m.topic(), partition, offset++, m.key(), m.value().getBytes(StandardCharsets.UTF_8)));
        }
        return records;
    }

    private List<Integer> shardsOf(String unit) throws SQLException {
        List<Integer> shards = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select distinct shard from indicator_count where unit_code = ? order by 1")) {
            s.setString(1, unit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    shards.add(rs.getInt(1));
                }
            }
        }
        return shards;
    }

    private long versionOf(int shard) throws SQLException {
        return number("select coalesce(max(version), 0) from data_version where shard = " + shard);
    }

    private long sumOfVersions() throws SQLException {
        return number("select sum(version) from data_version");
    }

    private long rowsOutsideShardZero() throws SQLException {
        return number("select count(*) from indicator_count where shard <> 0");
    }

    private long number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
