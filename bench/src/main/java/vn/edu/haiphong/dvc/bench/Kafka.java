package vn.edu.haiphong.dvc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import vn.edu.haiphong.dvc.contract.Topics;

/** The broker, seen directly: the bare producer baseline, bulk publishing, and the indicator consumer's lag. */
final class Kafka implements AutoCloseable {

    private static final List<String> CONSUMED = List.of(Topics.DOSSIER_EVENTS, Topics.PAYMENT_EVENTS, Topics.UNITS, Topics.PROCEDURES);

    private final String bootstrap;
    private final Admin admin;

    Kafka(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    /** A producer configured as the services' outbox relay is: idempotent, acks=all. */
    KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /**
     * The raw limit: the same number of messages, of the same sizes, keyed the same way, sent by a bare
     * producer to a fresh topic with as many partitions as the dossier event topic.
     *
     * @return messages per second
     */
    double bareProducerRate(List<String> samples, long messages) throws Exception {
        int partitions = admin.describeTopics(List.of(Topics.DOSSIER_EVENTS)).allTopicNames().get().get(Topics.DOSSIER_EVENTS)
                .partitions().size();
        String topic = "bench.bare-producer-" + System.nanoTime();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (long i = 0; i < messages; i++) {
                producer.send(new ProducerRecord<>(topic, "D" + (i / 6), samples.get((int) (i % samples.size()))));
            }
            producer.flush();
        }
        double rate = messages / ((System.nanoTime() - start) / 1e9);
        admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        return rate;
    }

    /** How many messages of the consumed topics indicator-service's group has not yet committed. */
    long indicatorLag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("indicator-service")
                .partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = new ArrayList<>();
        for (var entry : admin.describeTopics(CONSUMED).allTopicNames().get().entrySet()) {
            entry.getValue().partitions().forEach(p -> partitions.add(new TopicPartition(entry.getKey(), p.partition())));
        }
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        long lag = 0;
        for (var entry : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata done = committed.get(entry.getKey());
            lag += entry.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    /** Waits until indicator-service has committed everything published so far. @return seconds waited */
    double awaitIndicatorCaughtUp(long timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        while (indicatorLag() > 0) {
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException("indicator-service still has " + indicatorLag() + " messages to read after "
                        + timeoutSeconds + " s");
            }
            Thread.sleep(200);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits until indicator-service's consumer group has this many members holding partitions of the dossier event topic. */
    void awaitIndicatorMembers(int members, long timeoutSeconds) throws Exception {
        long start = System.nanoTime();
        while (indicatorMembers() != members) {
            if (System.nanoTime() - start > timeoutSeconds * 1_000_000_000L) {
                throw new IllegalStateException("indicator-service's group has " + indicatorMembers() + " members holding "
                        + Topics.DOSSIER_EVENTS + ", not " + members + ", after " + timeoutSeconds + " s");
            }
            Thread.sleep(200);
        }
    }

    private long indicatorMembers() throws Exception {
        return admin.describeConsumerGroups(List.of("indicator-service")).all().get().get("indicator-service").members().stream()
                .filter(m -> m.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(Topics.DOSSIER_EVENTS)))
                .count();
    }

    /** The partitions of the dossier event topic. */
    int dossierPartitions() throws Exception {
        return admin.describeTopics(List.of(Topics.DOSSIER_EVENTS)).allTopicNames().get().get(Topics.DOSSIER_EVENTS).partitions().size();
    }

    @Override
    public void close() {
        admin.close();
    }
}
