package vn.edu.haiphong.dvc.indicator.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import vn.edu.haiphong.dvc.indicator.service.DataVersion;
import vn.edu.haiphong.dvc.indicator.service.FactUpdater;
import vn.edu.haiphong.dvc.indicator.service.FactUpdater.Received;

/**
 * Consumes the event and reference topics in batches. Each batch changes the facts in one transaction,
 * and its offsets are committed only after that transaction (the connector commits what the method has
 * returned from): a crash in between redelivers the batch, and the processed-event record makes that a
 * no-op. A message that can never be processed goes to the dead-letter topic with its reason, and the
 * consumer goes on; a failure of the database is retried until it passes, never skipped.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String EVENTS_IN = "events";
    public static final String DEAD_LETTERS_OUT = "dead-letters";
    public static final String REASON_HEADER = "dead-letter-reason";

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final FactUpdater updater;
    private final DataVersion version;
    private final MessageParser parser;
    private final MutinyEmitter<String> deadLetters;
    private final Counter applied;
    private final Counter deadLettered;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final String bootstrapServers;
    private final String deadLetterTopic;
    private final short replicationFactor;
    private volatile boolean deadLetterTopicReady;

    public EventConsumer(FactUpdater updater, DataVersion version, MessageParser parser, @Channel(DEAD_LETTERS_OUT) MutinyEmitter<String> deadLetters,
            MeterRegistry registry, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.topic") String deadLetterTopic,
            @ConfigProperty(name = "dvc.indicator.dead-letter-replication-factor", defaultValue = "1") short replicationFactor) {
        this.bootstrapServers = bootstrapServers;
        this.deadLetterTopic = deadLetterTopic;
        this.replicationFactor = replicationFactor;
        this.updater = updater;
        this.version = version;
        this.parser = parser;
        this.deadLetters = deadLetters;
        this.applied = Counter.builder("dvc.indicator.events.applied").description("Events that changed the facts").register(registry);
        this.deadLettered = Counter.builder("dvc.indicator.events.dead.lettered").description("Messages sent to the dead-letter topic").register(registry);
    }

    @Incoming(EVENTS_IN)
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        consume((Iterable<ConsumerRecord<String, String>>) records);
    }

    /** Processes one batch, as read by any consumer of the group. */
    public void consume(Iterable<ConsumerRecord<String, String>> records) {
        List<Received> batch = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                batch.add(parser.parse(record.topic(), record.value()));
            } catch (MessageParser.Unprocessable e) {
                deadLetter(record, e.getMessage());
            }
        }
        if (!batch.isEmpty()) {
            applied.increment(applyUntilDone(batch));
        }
    }

    private int applyUntilDone(List<Received> batch) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                int count = updater.apply(batch);
                // This instance's readers see the batch at once, not at their next version check.
                version.refresh();
                return count;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    throw e;
                }
                LOG.warnf("Could not apply a batch of %d messages, retrying in %d ms: %s", batch.size(), backoff.toMillis(),
                        e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Creates the dead-letter topic before its first message: brokers in production (and the quick start's)
     * do not create topics on first use.
     */
    private void ensureDeadLetterTopic() {
        if (deadLetterTopicReady) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(deadLetterTopic, 1, replicationFactor))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create the dead-letter topic: " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer while creating the dead-letter topic", e);
        }
        deadLetterTopicReady = true;
    }

    private void deadLetter(ConsumerRecord<String, String> record, String reason) {
        ensureDeadLetterTopic();
        LOG.warnf("Message %s-%d@%d can never be processed (%s): sent to the dead-letter topic", record.topic(),
                record.partition(), record.offset(), reason);
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.key())
                .withHeaders(new org.apache.kafka.common.header.internals.RecordHeaders()
                        .add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                        .add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8))
                        .add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8))
                        .add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8)))
                .build();
        // Waits for the broker: the offset of a dead letter is committed only once it is safely elsewhere.
        deadLetters.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
        deadLettered.increment();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }
}
