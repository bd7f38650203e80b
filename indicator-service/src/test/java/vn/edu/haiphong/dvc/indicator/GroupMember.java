package vn.edu.haiphong.dvc.indicator;

import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import vn.edu.haiphong.dvc.contract.Topics;

/**
 * Another member of the service's consumer group, as a second instance would be: the tests run the service's own
 * processing on what it polls, and commit (or, to play a crash, do not).
 */
final class GroupMember {

    private GroupMember() {
    }

    static KafkaConsumer<String, byte[]> join(int maxPollRecords) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, vn.edu.haiphong.dvc.testing.Broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "indicator-service");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.DOSSIER_EVENTS, Topics.PAYMENT_EVENTS, Topics.UNITS, Topics.PROCEDURES));
        return consumer;
    }
}
