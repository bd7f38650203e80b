package vn.edu.haiphong.dvc.indicator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.contract.Topics;

/** Which shard a batch writes its counters under: the lowest partition of its dossier and payment records, else 0. */
class ShardOfTest {

    private static ConsumerRecord<String, byte[]> record(String topic, int partition) {
        return new ConsumerRecord<>(topic, partition, 0L, "key", new byte[0]);
    }

    @Test
    void theLowestPartitionOfTheEventsCounted() {
        assertThat(EventConsumer.shardOf(List.of(record(Topics.DOSSIER_EVENTS, 5), record(Topics.PAYMENT_EVENTS, 3),
                record(Topics.DOSSIER_EVENTS, 4)))).isEqualTo((short) 3);
        assertThat(EventConsumer.shardOf(List.of(record(Topics.PAYMENT_EVENTS, 7)))).isEqualTo((short) 7);
    }

    @Test
    void referenceDataAndOutreachDoNotChooseTheShard() {
        assertThat(EventConsumer.shardOf(List.of(record(Topics.UNITS, 0), record(Topics.PROCEDURES, 1), record(Topics.DOSSIER_EVENTS, 2),
                record(Topics.OUTREACH_EVENTS, 1)))).isEqualTo((short) 2);
        assertThat(EventConsumer.shardOf(List.of(record(Topics.UNITS, 4), record(Topics.OUTREACH_EVENTS, 6))))
                .as("a batch without dossier or payment events").isZero();
        assertThat(EventConsumer.shardOf(List.of())).isZero();
    }
}
