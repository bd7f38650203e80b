package vn.edu.haiphong.dvc.indicator.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import vn.edu.haiphong.dvc.contract.KafkaConnection;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.service.DataVersion;
import vn.edu.haiphong.dvc.indicator.service.FactUpdater;
import vn.edu.haiphong.dvc.indicator.service.Received;

/**
 * Consumes the event and reference topics in batches. Each batch changes the facts in one transaction, and its
 * offsets are committed only after that transaction (the connector commits what the method has returned from): a
 * crash in between redelivers the batch, and the processed-event record makes that a no-op.
 * <p>
 * Every record either changes the state or goes to the dead-letter topic with its reason, whatever its bytes: one
 * that cannot be read as its topic's contract type at once; one that the database refuses as data (a batch that fails
 * so is split in halves until the record is found, and the rest is counted). A failure that waiting can mend (the
 * database away, a lock conflict) is retried with back-off until it passes, and so is a dead-letter send: nothing is
 * ever skipped past. The method throws only while the application stops, or on an error of the JVM itself; the
 * connector then closes the consumer, and {@link ConsumerProgress} says so.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String EVENTS_IN = "events";
    public static final String DEAD_LETTERS_OUT = "dead-letters";
    /** The topics this service counts from, as {@code mp.messaging.incoming.events.topics} lists them. */
    public static final List<String> TOPICS = List.of(Topics.DOSSIER_EVENTS, Topics.PAYMENT_EVENTS, Topics.OUTREACH_EVENTS, Topics.UNITS,
            Topics.PROCEDURES);
    public static final String REASON_HEADER = "dead-letter-reason";
    /** Set when only the start of the value was kept: its size in bytes (the record itself stays at its offset). */
    public static final String TRUNCATED_HEADER = "dead-letter-truncated-from";
    /** The most of a value a dead letter carries: well below the broker's 1 MB message limit, with room for headers. */
    static final int MAX_DEAD_LETTER_VALUE = 512 * 1024;

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    /** How long without a batch before the scheduled check looks for counters waiting for a recount. */
    private static final Duration IDLE = Duration.ofSeconds(10);

    private final FactUpdater updater;
    private final RebuildFromTopics rebuild;
    private final CounterRepository counters;
    private volatile long lastBatchEnded = System.nanoTime();
    private final DataVersion version;
    private final MessageParser parser;
    private final ConsumerProgress progress;
    private final MutinyEmitter<byte[]> deadLetters;
    private final Counter applied;
    private final Counter deadLettered;
    private final Counter retried;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<String, Object> kafkaConfig;
    private final String deadLetterTopic;
    private final short replicationFactor;
    private volatile boolean deadLetterTopicReady;

    /** A record and what it was read as. */
    private record Read(ConsumerRecord<String, byte[]> record, Received message) {
    }

    public EventConsumer(FactUpdater updater, @Identifier(RebuildFromTopics.NAME) RebuildFromTopics rebuild, CounterRepository counters, DataVersion version,
            MessageParser parser, ConsumerProgress progress,
            @Channel(DEAD_LETTERS_OUT) MutinyEmitter<byte[]> deadLetters, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.topic") String deadLetterTopic,
            @ConfigProperty(name = "dvc.indicator.dead-letter-replication-factor", defaultValue = "1") short replicationFactor) {
        this.kafkaConfig = kafkaConfig;
        this.deadLetterTopic = deadLetterTopic;
        this.replicationFactor = replicationFactor;
        this.updater = updater;
        this.rebuild = rebuild;
        this.counters = counters;
        this.version = version;
        this.parser = parser;
        this.progress = progress;
        this.deadLetters = deadLetters;
        this.applied = Counter.builder("dvc.indicator.events.applied").description("Events that changed the facts").register(registry);
        this.deadLettered = Counter.builder("dvc.indicator.events.dead.lettered").description("Messages sent to the dead-letter topic")
                .register(registry);
        this.retried = Counter.builder("dvc.indicator.batches.retried")
                .description("Batches that failed for a reason waiting can mend (database, lock conflict) and were tried again")
                .register(registry);
    }

    @Incoming(EVENTS_IN)
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        try {
            if (!rebuild.mayRecount()) {
                // Said before the batch is counted as applied: an operator who sees every event applied sees this too.
                progress.countersWaiting(true);
            }
            consume((Iterable<ConsumerRecord<String, byte[]>>) records);
            rebuild.read(records);
            // Before this batch's offsets are committed: a rebuild is done once its counters are counted too. The flag
            // is read again only if the batch found it set (it is set only by a rebuild, which the batch then waited for).
            if (updater.deferredInLastBatch()) {
                recountIfDue();
            } else {
                progress.countersWaiting(false);
            }
            lastBatchEnded = System.nanoTime();
        } catch (RuntimeException | Error e) {
            // The connector closes the consumer on any failure of this method (failure-strategy=fail): say so at once.
            if (!stopping.get()) {
                LOG.errorf(e, "The event consumer failed and stops: no further event is counted by this instance");
                progress.closed(e);
            }
            throw e;
        }
    }

    /**
     * Counts the counters from the facts if a rebuild left them waiting for it and this instance may (V16,
     * {@link RebuildFromTopics#mayRecount()}), retrying as a batch does; the check is a single row read.
     */
    void recountIfDue() {
        if (!rebuild.mayRecount()) {
            // A rebuild under way on this instance: its counters are counted once it has read every partition.
            progress.countersWaiting(true);
            return;
        }
        if (!counters.recountPending()) {
            progress.countersWaiting(false);
            return;
        }
        progress.countersWaiting(true);
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                long t0 = System.nanoTime();
                if (updater.recountDeferred()) {
                    QuarkusTransaction.requiringNew().run(version::refresh);
                    LOG.infof("Every counter counted again from the facts, as the rebuild left them, in %d ms",
                            (System.nanoTime() - t0) / 1_000_000);
                }
                progress.countersWaiting(false);
                return;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    throw e;
                }
                retried.increment();
                LOG.warnf("Could not count the counters again from the facts, retrying in %d ms: %s", backoff.toMillis(),
                        Failures.describe(e));
                backoff = pause(backoff, e);
            }
        }
    }

    /**
     * The same when no batch comes: counters a rebuild left waiting (stopped midway, say, and no event since) are
     * counted without waiting for the next event. Left to the consumer while it is busy.
     */
    @Scheduled(every = "${dvc.indicator.consumer.check-every}", delayed = "${dvc.indicator.consumer.check-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recountWhenIdle() {
        if (System.nanoTime() - lastBatchEnded > IDLE.toNanos() && !stopping.get()) {
            try {
                recountIfDue();
            } catch (RuntimeException e) {
                LOG.warnf("Could not count the counters again from the facts: %s", Failures.describe(e));
            }
        }
    }

    /** Processes one batch, as read by any consumer of the group. */
    public void consume(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<Read> batch = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                batch.add(new Read(record, parser.parse(record.topic(), record.value())));
            } catch (MessageParser.Unprocessable e) {
                deadLetter(record, e.getMessage());
            } catch (RuntimeException e) {
                // Whatever the reader met (a value nested too deep, a number too long): the record, not the consumer.
                deadLetter(record, "unreadable: " + Failures.describe(e));
            }
        }
        if (!batch.isEmpty()) {
            applied.increment(applyUntilDone(batch));
        }
    }

    /**
     * Applies the batch, waiting out failures that waiting mends. When the data itself fails, the batch is split in
     * halves, each applied on its own (the facts do not depend on the order of their events), down to the one record
     * that fails, which is dead-lettered.
     */
    private int applyUntilDone(List<Read> batch) {
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                short shard = shardOf(batch.stream().map(Read::record).toList());
                int count = updater.count(batch.stream().map(Read::message).toList(), shard);
                // This instance's readers see the batch at once, not at their next version check. In a transaction of its
                // own, so on the writers' pool: readers, however busy, never hold up the consumer (Jdbc).
                QuarkusTransaction.requiringNew().run(version::refresh);
                return count;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    throw e;
                }
                if (Failures.isPoison(e)) {
                    if (batch.size() == 1) {
                        deadLetter(batch.get(0).record(), "could not be applied: " + Failures.describe(e));
                        return 0;
                    }
                    LOG.warnf("A batch of %d messages holds one the database refuses (%s): applying it in halves", batch.size(),
                            Failures.describe(e));
                    int half = batch.size() / 2;
                    return applyUntilDone(batch.subList(0, half)) + applyUntilDone(batch.subList(half, batch.size()));
                }
                retried.increment();
                LOG.warnf("Could not apply a batch of %d messages, retrying in %d ms: %s", batch.size(), backoff.toMillis(),
                        Failures.describe(e));
                backoff = pause(backoff, e);
            }
        }
    }

    /**
     * The shard a batch writes its counters and data version under: the lowest partition among its dossier and payment
     * records, {@link CounterRepository#SHARED_SHARD} when it has none (reference data only). The consumer group gives
     * each partition to one instance at a time, so instances write different shards and never queue on each other's
     * counter rows; which shard a batch writes never changes a number, as readers sum over the shards.
     */
    static short shardOf(List<? extends ConsumerRecord<?, ?>> records) {
        return (short) records.stream()
                .filter(r -> Topics.DOSSIER_EVENTS.equals(r.topic()) || Topics.PAYMENT_EVENTS.equals(r.topic()))
                .mapToInt(ConsumerRecord::partition).min().orElse(CounterRepository.SHARED_SHARD);
    }

    /** Waits, then gives the next, longer wait (at most MAX_BACKOFF). */
    private Duration pause(Duration backoff, RuntimeException cause) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw cause;
        }
        Duration next = backoff.multipliedBy(2);
        return next.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : next;
    }

    /**
     * Creates the dead-letter topic before its first message: brokers in production (and the quick start's)
     * do not create topics on first use.
     */
    private void ensureDeadLetterTopic() {
        if (deadLetterTopicReady) {
            return;
        }
        try (Admin admin = Admin.create(KafkaConnection.of(kafkaConfig))) {
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

    /** Sets the record aside with its reason, waiting until the broker has it: its offset is committed only after. */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String why) {
        String reason = why.length() > 1000 ? why.substring(0, 1000) + "..." : why;
        LOG.warnf("Message %s-%d@%d can never be processed (%s): sent to the dead-letter topic", record.topic(),
                record.partition(), record.offset(), reason);
        byte[] value = record.value() == null ? new byte[0] : record.value();
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        if (value.length > MAX_DEAD_LETTER_VALUE) {
            headers.add(TRUNCATED_HEADER, Integer.toString(value.length).getBytes(StandardCharsets.UTF_8));
            value = Arrays.copyOf(value, MAX_DEAD_LETTER_VALUE);
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                .withHeaders(headers).build();
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                ensureDeadLetterTopic();
                deadLetters.sendMessageAndAwait(Message.of(value).addMetadata(metadata));
                deadLettered.increment();
                return;
            } catch (RuntimeException e) {
                if (stopping.get()) {
                    throw e;
                }
                // Never skipped: the record's offset must not be committed before it is safely elsewhere.
                LOG.warnf("Could not send message %s-%d@%d to the dead-letter topic, retrying in %d ms: %s", record.topic(),
                        record.partition(), record.offset(), backoff.toMillis(), Failures.describe(e));
                backoff = pause(backoff, e);
            }
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.set(true);
    }
}
