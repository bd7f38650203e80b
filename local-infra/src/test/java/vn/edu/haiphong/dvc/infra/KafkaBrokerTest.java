package vn.edu.haiphong.dvc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void messagesSurviveStopAndRestartOnTheSamePort() throws Exception {
        Path dataDir;
        try (KafkaBroker broker = KafkaBroker.start(0, null)) {
            dataDir = broker.dataDir();
            String bootstrap = broker.bootstrapServers();
            produce(bootstrap, "restart-test", "before-stop");

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(Ports.isInUse(broker.port())).isFalse();
            assertThat(dataDir).isDirectory();

            broker.restart();
            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            produce(bootstrap, "restart-test", "after-restart");
            assertThat(consumeAll(bootstrap, "restart-test", 2)).containsExactlyInAnyOrder("before-stop",
                    "after-restart");
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void restartWhileRunningAndDefaultsApply() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(0, null)) {
            produce(broker.bootstrapServers(), "defaults-test", "one");
            broker.restart();
            try (Admin admin = admin(broker.bootstrapServers())) {
                int partitions = admin.describeTopics(Set.of("defaults-test")).allTopicNames().get()
                        .get("defaults-test").partitions().size();
                assertThat(partitions).isEqualTo(3);
            }
            assertThat(consumeAll(broker.bootstrapServers(), "defaults-test", 1)).containsExactly("one");
        }
    }

    @Test
    void aGivenDataDirIsKeptAndReusedByANewBroker(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("kafka");
        int port;
        try (KafkaBroker broker = KafkaBroker.start(0, dataDir, Map.of("num.partitions", "1"))) {
            port = broker.port();
            produce(broker.bootstrapServers(), "kept-test", "kept");
        }
        assertThat(dataDir.resolve("meta.properties")).exists();

        try (KafkaBroker again = KafkaBroker.start(port, dataDir)) {
            try (Admin admin = admin(again.bootstrapServers())) {
                assertThat(admin.describeTopics(Set.of("kept-test")).allTopicNames().get().get("kept-test")
                        .partitions()).hasSize(1);
            }
            assertThat(consumeAll(again.bootstrapServers(), "kept-test", 1)).containsExactly("kept");
        }
        assertThat(Files.isDirectory(dataDir)).isTrue();
    }

    @Test
    void aTakenPortFailsWithAnExceptionAndLeavesNoTemporaryDirectory() throws Exception {
        List<Path> before = temporaryKafkaDirs();
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> KafkaBroker.start(taken.getLocalPort(), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
        assertThat(temporaryKafkaDirs()).isSubsetOf(before);
    }

    private static List<Path> temporaryKafkaDirs() throws Exception {
        try (var dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("dvc-kafka-")).toList();
        }
    }

    static void produce(String bootstrap, String topic, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, value, value)).get();
        }
    }

    static List<String> consumeAll(String bootstrap, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }

    static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
