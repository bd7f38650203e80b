package vn.edu.haiphong.dvc.ingest.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import vn.edu.haiphong.dvc.contract.CloudEventHeaders;
import vn.edu.haiphong.dvc.contract.KafkaConnection;

/**
 * Publishes the outbox to Kafka, oldest first, and marks a message sent only once the broker has
 * acknowledged it. While Kafka is down, ingestion goes on and the backlog waits in the table.
 * <p>
 * The producer is idempotent (the broker drops its retries' duplicates); the one window left is a crash
 * after the broker's acknowledgement and before the mark, which re-sends the message with the same
 * CloudEvents id ({@code ce_id} = eventId) for consumers to drop.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int SEND_TIMEOUT_SECONDS = 60;
    /** Longer than a send can take, so that a slow broker never outlives the transaction holding the rows. */
    private static final int TRANSACTION_TIMEOUT_SECONDS = 300;

    private final OutboxRepository outbox;
    private final OutboxConfig config;
    private final OwnedTopics ownedTopics;
    private final Map<String, Object> kafkaConfig;
    private final String clientId;
    private final Counter relayed;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Producer<String, String> producer;
    private volatile boolean topicsReady;
    private volatile boolean failing;

    public OutboxRelay(OutboxRepository outbox, OutboxConfig config, OwnedTopics ownedTopics,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, MeterRegistry registry) {
        this.outbox = outbox;
        this.config = config;
        this.ownedTopics = ownedTopics;
        this.clientId = applicationName + "-outbox";
        this.kafkaConfig = kafkaConfig;
        this.relayed = Counter.builder("dvc.outbox.relayed").description("Outbox messages acknowledged by Kafka").register(registry);
        registry.gauge("dvc.outbox.backlog", this, relay -> relay.backlogOrNaN());
    }

    /** Relays right after a commit that wrote to the outbox, rather than at the next poll. */
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay-wake-up");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    /**
     * Called once a transaction that wrote to the outbox has committed: relays at once. Calls that come
     * while a wake-up is pending add nothing; the poll stays as the safety net (and covers other instances).
     */
    public void wakeUp() {
        if (!stopping.get() && wakeUpPending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                wakeUpPending.set(false);
                relayPending();
            });
        }
    }

    @Scheduled(every = "${dvc.outbox.poll-interval:200ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delay = 1, delayUnit = TimeUnit.SECONDS)
    synchronized void relayPending() {
        try {
            ensureTopics();
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.batchSize() && !stopping.get());
            if (failing) {
                LOG.info("Kafka is reachable again: outbox relay resumed");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Outbox relay paused, messages wait in the outbox until Kafka answers: %s", e.getMessage());
                failing = true;
            }
        }
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES)
    void purgeSent() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        long purged = QuarkusTransaction.requiringNew().call(() -> outbox.purgeSentBefore(before));
        if (purged > 0) {
            LOG.debugf("Purged %d sent outbox messages", purged);
        }
    }

    /**
     * @return how many messages were acknowledged and marked sent
     * @throws IllegalStateException when Kafka failed part of the batch, after the acknowledged part was
     *         marked sent
     */
    int relayBatch() {
        BatchOutcome outcome = QuarkusTransaction.requiringNew().timeout(TRANSACTION_TIMEOUT_SECONDS).call(this::sendOldest);
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.sent();
    }

    private record BatchOutcome(int sent, RuntimeException failure) {
    }

    private BatchOutcome sendOldest() {
        if (!outbox.tryRelayLock()) {
            return new BatchOutcome(0, null);
        }
        List<OutboxMessage> batch = outbox.oldestUnsent(config.batchSize());
        if (batch.isEmpty()) {
            return new BatchOutcome(0, null);
        }
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        RuntimeException failure = null;
        for (OutboxMessage message : batch) {
            try {
                acks.add(kafka.send(toRecord(message)));
            } catch (RuntimeException e) {
                // No metadata in time (broker down): stop here, but still account for what was handed over.
                failure = new IllegalStateException("Kafka is not reachable: " + e.getMessage(), e);
                break;
            }
        }
        kafka.flush();
        // Mark every acknowledged message, and only those: the rest stays unsent and goes out next round.
        // Within a partition an idempotent producer fails everything after a failed record, so a
        // partition's order is kept.
        List<Long> sent = new ArrayList<>(acks.size());
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                sent.add(batch.get(i).id);
            } catch (ExecutionException | TimeoutException e) {
                if (failure == null) {
                    failure = new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("Interrupted while waiting for Kafka", e);
                break;
            }
        }
        outbox.markSent(sent, OffsetDateTime.now(ZoneOffset.UTC));
        relayed.increment(sent.size());
        return new BatchOutcome(sent.size(), failure);
    }

    private ProducerRecord<String, String> toRecord(OutboxMessage message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic, message.messageKey, message.payload);
        record.headers()
                .add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_1_0))
                .add(CloudEventHeaders.ID, bytes(message.ceId))
                .add(CloudEventHeaders.TYPE, bytes(message.ceType))
                .add(CloudEventHeaders.SOURCE, bytes(config.source()))
                .add(CloudEventHeaders.TIME, bytes(message.ceTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)))
                .add(CloudEventHeaders.SUBJECT, bytes(message.messageKey))
                .add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = KafkaConnection.properties(kafkaConfig);
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
                    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 45_000);
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(props);
                }
            }
        }
        return producer;
    }

    /** Creates the topics this service owns (see {@link OwnedTopics}) before the first message goes out. */
    private void ensureTopics() {
        if (topicsReady) {
            return;
        }
        List<NewTopic> topics = ownedTopics.topics(config.replicationFactor());
        Properties props = KafkaConnection.properties(kafkaConfig);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(20, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(), e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating topics", e);
        }
        topicsReady = true;
    }

    private double backlogOrNaN() {
        try {
            return QuarkusTransaction.requiringNew().call(outbox::backlog);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    void onStop(@jakarta.enterprise.event.Observes ShutdownEvent event) {
        stopping.set(true);
    }

    @PreDestroy
    void close() {
        stopping.set(true);
        wakeUps.shutdownNow();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(10));
        }
    }
}
