package vn.edu.haiphong.dvc.indicator.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Where each partition ended when a rebuild began, and how far this instance has read it since: the rebuild's events
 * are all counted once every partition has been read up to its end. Read from each batch's next offsets, which step
 * over what is not a record (a transaction's markers), and past each batch's last record. Not thread-safe: its owner
 * ({@link RebuildFromTopics}) guards it.
 */
final class RebuildEnds {

    private final Map<TopicPartition, Long> ends;
    private final Map<TopicPartition, Long> read = new HashMap<>();

    RebuildEnds(Map<TopicPartition, Long> ends) {
        this.ends = Map.copyOf(ends);
    }

    /** Notes how far a batch has read each of its partitions. */
    void read(ConsumerRecords<?, ?> records) {
        records.nextOffsets().forEach((partition, next) -> read.merge(partition, next.offset(), Math::max));
        for (TopicPartition partition : records.partitions()) {
            List<? extends ConsumerRecord<?, ?>> list = records.records(partition);
            if (!list.isEmpty()) {
                read.merge(partition, list.get(list.size() - 1).offset() + 1, Math::max);
            }
        }
    }

    /** Whether every partition has been read up to where it ended (an empty one from the start). */
    boolean reached() {
        return ends.entrySet().stream().allMatch(e -> read.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** The partitions' end offsets when the rebuild began, summed. */
    long offsets() {
        return ends.values().stream().mapToLong(Long::longValue).sum();
    }
}
