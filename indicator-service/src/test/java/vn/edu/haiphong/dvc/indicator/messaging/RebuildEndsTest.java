package vn.edu.haiphong.dvc.indicator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** When a rebuild has read every partition up to where it ended when it began: then its counters are counted. */
class RebuildEndsTest {

    private static final TopicPartition DOSSIERS_0 = new TopicPartition("dvc.dossier-events", 0);
    private static final TopicPartition DOSSIERS_1 = new TopicPartition("dvc.dossier-events", 1);
    private static final TopicPartition UNITS = new TopicPartition("dvc.reference.units", 0);

    private static ConsumerRecords<String, byte[]> batch(TopicPartition partition, long from, long to, Long next) {
        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        for (long offset = from; offset <= to; offset++) {
            records.add(new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "k", new byte[0]));
        }
        return new ConsumerRecords<>(Map.of(partition, records),
                next == null ? Map.of() : Map.of(partition, new OffsetAndMetadata(next)));
    }

    @Test
    void reachedOnlyOnceEveryPartitionIsReadToItsEnd() {
        RebuildEnds ends = new RebuildEnds(Map.of(DOSSIERS_0, 10L, DOSSIERS_1, 4L, UNITS, 0L));
        assertThat(ends.offsets()).isEqualTo(14);
        assertThat(ends.reached()).as("nothing read yet").isFalse();
        ends.read(batch(DOSSIERS_0, 0, 9, null));
        assertThat(ends.reached()).as("one partition still to read").isFalse();
        ends.read(batch(DOSSIERS_1, 0, 2, 3L));
        assertThat(ends.reached()).as("one record of the second still to read").isFalse();
        ends.read(batch(DOSSIERS_1, 3, 3, 4L));
        assertThat(ends.reached()).as("every partition read to its end; the empty one from the start").isTrue();
    }

    @Test
    void theNextOffsetStepsOverWhatIsNotARecord() {
        // A partition whose last offset is a transaction's marker: no record ever has offset 5, the consumer's next offset says 6.
        RebuildEnds ends = new RebuildEnds(Map.of(DOSSIERS_0, 6L));
        ends.read(batch(DOSSIERS_0, 0, 4, 6L));
        assertThat(ends.reached()).isTrue();
    }

    @Test
    void recordsBeyondTheEndAndBatchesOutOfOrderDoNotUnreach() {
        RebuildEnds ends = new RebuildEnds(Map.of(DOSSIERS_0, 3L));
        ends.read(batch(DOSSIERS_0, 0, 7, null));
        assertThat(ends.reached()).as("events sent during the rebuild are read with it").isTrue();
        ends.read(batch(DOSSIERS_0, 0, 1, 2L));
        assertThat(ends.reached()).as("how far a partition is read never goes back").isTrue();
    }
}
