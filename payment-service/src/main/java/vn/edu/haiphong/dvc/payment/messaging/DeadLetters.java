package vn.edu.haiphong.dvc.payment.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import vn.edu.haiphong.dvc.contract.KafkaConnection;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.payment.config.PaymentConfig;

/**
 * The dead-letter topic of the reference consumer: a record that can never be stored goes there, with
 * why and where it came from, and the consumer goes on. A send returns only once the broker has
 * acknowledged it, retried as long as it takes, because the record's offset is committed after it: a
 * dead letter is never skipped. (A retry after a lost acknowledgement may store one twice.) Started
 * with the application, so that its counters are there from the first scrape.
 */
@Startup
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    /** Set when the value was cut to fit: its size in bytes on the source topic, where it is whole. */
    public static final String ORIGINAL_SIZE = "dead-letter-original-size";
    /** The same for a key too long to keep whole. */
    public static final String ORIGINAL_KEY_SIZE = "dead-letter-original-key-size";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_KEY_BYTES = 16 * 1024;
    private static final int MAX_REASON_CHARS = 500;
    /** Room for the headers: the reason is short, the rest are numbers and a topic name. */
    private static final int HEADERS_BYTES = 4 * 1024;

    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private final String topic;
    private final short replicationFactor;
    private final int maxBytes;
    private final Map<String, Counter> deadLettered;
    private volatile Producer<byte[], byte[]> producer;
    private volatile boolean topicReady;

    public DeadLetters(PaymentConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        this.clientId = applicationName + "-dead-letters";
        this.topic = config.reference().deadLetterTopic();
        this.replicationFactor = config.reference().deadLetterReplicationFactor();
        this.maxBytes = config.reference().deadLetterMaxBytes();
        // One per source topic, registered up front: a dashboard shows 0 rather than nothing before the first.
        this.deadLettered = Map.of(
                Topics.UNITS, counter(registry, Topics.UNITS),
                Topics.PROCEDURES, counter(registry, Topics.PROCEDURES));
    }

    private static Counter counter(MeterRegistry registry, String sourceTopic) {
        return Counter.builder("dvc.payment.reference.dead.lettered")
                .description("Reference records that could never be stored, sent to the dead-letter topic")
                .tag("topic", sourceTopic)
                .register(registry);
    }

    /** Sends the record to the dead-letter topic and waits for the broker, trying again until it succeeds. */
    public void send(ConsumerRecord<byte[], byte[]> record, String reason, BooleanSupplier stopping) {
        LOG.warnf("Record %s-%d@%d can never be stored (%s): sending it to %s", record.topic(), record.partition(),
                record.offset(), reason, topic);
        ProducerRecord<byte[], byte[]> letter = letter(record, reason);
        Backoff.untilDone("send a dead letter to " + topic, () -> {
            ensureTopic();
            try {
                // Bounded by the producer's delivery timeout; the bound here only guards against a hang.
                producer().send(letter).get(2, TimeUnit.MINUTES);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Kafka refused it: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not acknowledge it", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Backoff.Stopped("a dead letter was sent", e);
            }
        }, stopping);
        Counter counter = deadLettered.get(record.topic());
        if (counter != null) {
            counter.increment();
        }
    }

    private ProducerRecord<byte[], byte[]> letter(ConsumerRecord<byte[], byte[]> record, String reason) {
        byte[] key = record.key();
        byte[] value = record.value();
        byte[] keptKey = key != null && key.length > MAX_KEY_BYTES ? Arrays.copyOf(key, MAX_KEY_BYTES) : key;
        int valueRoom = maxBytes - HEADERS_BYTES - (keptKey == null ? 0 : keptKey.length);
        byte[] keptValue = value != null && value.length > valueRoom ? Arrays.copyOf(value, valueRoom) : value;
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topic, keptKey, keptValue);
        letter.headers()
                .add(REASON, bytes(reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS)))
                .add(TOPIC, bytes(record.topic()))
                .add(PARTITION, bytes(Integer.toString(record.partition())))
                .add(OFFSET, bytes(Long.toString(record.offset())));
        if (keptValue != value) {
            letter.headers().add(ORIGINAL_SIZE, bytes(Integer.toString(value.length)));
        }
        if (keptKey != key) {
            letter.headers().add(ORIGINAL_KEY_SIZE, bytes(Integer.toString(key.length)));
        }
        return letter;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Brokers in production (and the quick start's) do not create topics on first use. */
    private void ensureTopic() {
        if (topicReady) {
            return;
        }
        Properties props = KafkaConnection.properties(kafkaConfig);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, replicationFactor))).all().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the dead-letter topic: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Backoff.Stopped("the dead-letter topic was created", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating the dead-letter topic", e);
        }
        topicReady = true;
    }

    private Producer<byte[], byte[]> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = KafkaConnection.properties(kafkaConfig);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxBytes);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
                    producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(10));
        }
    }
}
