package vn.edu.haiphong.dvc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The three-node cluster as production runs it: topics get three replicas and a write needs two of them,
 * so acks=all writes go on with one node down and stop with two down.
 */
class KafkaClusterTest {

    private static final String TOPIC = "replicated";

    @Test
    void writesNeedTwoOfThreeNodesAndStoppedNodesComeBackWithTheirData() throws Exception {
        Path dataDir;
        try (KafkaCluster cluster = KafkaCluster.start(null, Map.of())) {
            dataDir = cluster.dataDir();
            String bootstrap = cluster.bootstrapServers();
            assertThat(bootstrap.split(",")).hasSize(3);
            try (Admin admin = KafkaBrokerTest.admin(bootstrap)) {
                // Neither partitions nor replicas given: the cluster's defaults apply.
                admin.createTopics(List.of(new NewTopic(TOPIC, Optional.empty(), Optional.empty()))).all().get();
                TopicDescription topic = admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC);
                assertThat(topic.partitions()).hasSize(3)
                        .allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
                assertThat(admin.describeConfigs(Set.of(resource)).all().get().get(resource).get("min.insync.replicas").value())
                        .isEqualTo("2");
            }
            produce(bootstrap, "three-up", Duration.ofSeconds(60));

            // The active controller is the hardest node to lose: the quorum and partition leaders move at once.
            int first = cluster.activeController();
            cluster.stop(first);
            assertThat(cluster.isRunning(first)).isFalse();
            assertThat(Ports.isInUse(cluster.port(first))).isFalse();
            produce(bootstrap, "two-up", Duration.ofSeconds(60));
            assertThat(consumeUntil(bootstrap, List.of("three-up", "two-up"))).contains("three-up", "two-up");

            int second = cluster.nodeIds().stream().filter(cluster::isRunning).findFirst().orElseThrow();
            cluster.stop(second);
            assertThat(cluster.runningNodes()).hasSize(1);
            // No write reaches two replicas now: the producer gives up when its delivery timeout runs out, or (with the
            // metadata quorum lost, no producer id can be allocated) never answers, and the test stops waiting.
            assertThatThrownBy(() -> produce(bootstrap, "one-up", Duration.ofSeconds(15)))
                    .isInstanceOfAny(ExecutionException.class, java.util.concurrent.TimeoutException.class)
                    .satisfies(e -> assertThat(e instanceof java.util.concurrent.TimeoutException || e.getCause() instanceof TimeoutException)
                            .as("not acknowledged: %s", e).isTrue());

            cluster.start(first);
            assertThat(cluster.bootstrapServers()).isEqualTo(bootstrap);
            produce(bootstrap, "back-to-two", Duration.ofSeconds(60));

            cluster.start(second);
            assertThat(cluster.runningNodes()).containsExactlyInAnyOrderElementsOf(cluster.nodeIds());
            cluster.awaitFullyReplicated(Duration.ofMinutes(2));
            // The one node that never stopped goes now: every acknowledged write must come from the restarted
            // nodes' own logs, read by a new consumer group.
            int third = cluster.nodeIds().stream().filter(id -> id != first && id != second).findFirst().orElseThrow();
            cluster.stop(third);
            assertThat(consumeUntil(bootstrap, List.of("three-up", "two-up", "back-to-two")))
                    .contains("three-up", "two-up", "back-to-two");
        }
        assertThat(dataDir).doesNotExist();
    }

    /** Waits for the broker's acknowledgement of an idempotent acks=all write, as the services' outbox relay sends. */
    private static void produce(String bootstrap, String value, Duration deliveryTimeout) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(deliveryTimeout.toMillis(), 10_000));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout.toMillis());
        // Bounded on every side: seen once in CI, an idempotent producer waiting for a producer id from a controller
        // quorum that has lost two of its three voters kept its send unanswered past the delivery timeout, and a plain
        // get() and close() then wait for ever.
        KafkaProducer<String, String> producer = new KafkaProducer<>(p);
        try {
            producer.send(new ProducerRecord<>(TOPIC, value, value)).get(deliveryTimeout.toMillis() + 30_000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } finally {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Reads the topic from the start in a new group until every wanted value came, or for a minute at most. */
    private static List<String> consumeUntil(String bootstrap, List<String> wanted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!values.containsAll(wanted) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
