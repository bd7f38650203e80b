package vn.edu.haiphong.dvc.indicator.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;

import vn.edu.haiphong.dvc.contract.KafkaConnection;

/**
 * Whether this instance's consumer is still counting, so that a frozen scorecard is never served as a fresh one.
 * Every few seconds it asks the consumer for its partitions and the broker for their end offsets and the group's
 * committed offsets: the lag is the records not yet counted, and it has "stalled" while it stays above zero with
 * no committed offset moving. The readiness check, the liveness check, the metrics and the dashboard's status all
 * read the state from here.
 */
@ApplicationScoped
public class ConsumerProgress {

    /** What an operator needs to know of the consumer. */
    public enum State {
        /** Started, not yet given partitions (within the grace). */
        STARTING,
        /** Holds partitions and counts what arrives. */
        RUNNING,
        /** Records wait on its partitions and none has been counted for longer than the limit. */
        STALLED,
        /** Has held no partition for longer than the grace: this instance counts nothing. */
        UNASSIGNED,
        /** The consumer has stopped for good: only a restart brings it back. */
        CLOSED;

        /** Whether the numbers may be served as live. */
        public boolean counting() {
            return this == STARTING || this == RUNNING;
        }
    }

    /** The state and what it was judged from. */
    public record Snapshot(State state, long lag, long stalledSeconds, int partitions, String detail) {
    }

    private static final Logger LOG = Logger.getLogger(ConsumerProgress.class);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaClientService clients;
    private final HealthCenter health;
    private final Map<String, Object> kafkaConfig;
    private final String groupId;
    private final List<String> subscribed;
    private final Duration stalledAfter;
    private final Duration unassignedGrace;
    private final Instant started = Instant.now();

    private volatile String closedBecause;
    private volatile boolean countersWaiting;
    private volatile Snapshot last = new Snapshot(State.STARTING, 0, 0, 0, "not checked yet");
    private volatile Instant unassignedSince = started;
    private volatile Instant stalledSince;
    private volatile long committedBefore = -1;
    private Admin admin;

    public ConsumerProgress(KafkaClientService clients, HealthCenter health, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.events.group.id") String groupId,
            @ConfigProperty(name = "mp.messaging.incoming.events.topics") List<String> subscribed,
            @ConfigProperty(name = "dvc.indicator.consumer.stalled-after") Duration stalledAfter,
            @ConfigProperty(name = "dvc.indicator.consumer.unassigned-grace") Duration unassignedGrace) {
        this.clients = clients;
        this.health = health;
        this.kafkaConfig = kafkaConfig;
        this.groupId = groupId;
        this.subscribed = subscribed;
        this.stalledAfter = stalledAfter;
        this.unassignedGrace = unassignedGrace;
        Gauge.builder("dvc.indicator.consumer.up", this, p -> p.last.state() == State.CLOSED || p.last.state() == State.UNASSIGNED ? 0 : 1)
                .description("1 while this instance's consumer runs and holds partitions (or is starting), 0 when closed or unassigned")
                .register(registry);
        Gauge.builder("dvc.indicator.consumer.lag", this, p -> p.last.lag())
                .description("Records on this instance's partitions not yet counted (end offset minus committed offset)")
                .register(registry);
        Gauge.builder("dvc.indicator.counters.waiting", this, p -> p.countersWaiting ? 1 : 0)
                .description("1 while a rebuild's counters wait to be counted from the facts (its end not reached yet, or the"
                        + " recount under way): the indicators are not the figures until it is 0")
                .register(registry);
        Gauge.builder("dvc.indicator.consumer.stalled", this, p -> p.last.stalledSeconds())
                .description("How long records have waited on this instance's partitions with none counted (0 when moving or caught up)")
                .baseUnit("seconds").register(registry);
    }

    /** The consumer has stopped for good (the method it calls failed and the connector closed it). */
    public void closed(Throwable cause) {
        closedBecause = Failures.describe(cause);
        last = new Snapshot(State.CLOSED, last.lag(), last.stalledSeconds(), 0, closedBecause);
    }

    /**
     * Whether the counters wait for a rebuild's recount (V16), as the consumer last found: set while this instance
     * rebuilds, and while it finds the flag a rebuild left; cleared once the counters are counted from the facts.
     */
    public void countersWaiting(boolean waiting) {
        countersWaiting = waiting;
    }

    /** Whether the counters wait for a rebuild's recount, as the consumer last found. */
    public boolean countersWaiting() {
        return countersWaiting;
    }

    /** The state as last checked. */
    public Snapshot snapshot() {
        return last;
    }

    @Scheduled(every = "${dvc.indicator.consumer.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        last = judge();
    }

    Snapshot judge() {
        Instant now = Instant.now();
        String closed = closedReason();
        if (closed != null) {
            return new Snapshot(State.CLOSED, last.lag(), last.stalledSeconds(), 0, closed);
        }
        Set<TopicPartition> partitions;
        try {
            KafkaConsumer<Object, Object> consumer = clients.getConsumer(EventConsumer.EVENTS_IN);
            if (consumer == null) {
                return new Snapshot(State.CLOSED, 0, 0, 0, "no consumer on the channel");
            }
            partitions = consumer.getAssignments().await().atMost(ASK_TIMEOUT);
        } catch (RuntimeException e) {
            // The polling thread did not answer: a consumer that is not polling is not counting either.
            return unanswered(now, "the consumer did not answer: " + Failures.describe(e));
        }
        if (partitions.isEmpty()) {
            stalledSince = null;
            committedBefore = -1;
            Duration unassigned = Duration.between(unassignedSince, now);
            if (unassigned.compareTo(unassignedGrace) < 0) {
                return new Snapshot(State.STARTING, 0, 0, 0, "waiting for partitions");
            }
            // The ingest services create their topics before their first event: on a system that has had none there is
            // nothing to hold, and nothing left uncounted.
            return anyTopicExists() ? new Snapshot(State.UNASSIGNED, 0, 0, 0, "no partition for " + unassigned.toSeconds() + " s")
                    : new Snapshot(State.STARTING, 0, 0, 0, "none of its topics exists yet (no event was ever sent)");
        }
        unassignedSince = now;
        try {
            Offsets offsets = offsets(partitions);
            long lag = offsets.lag();
            long committed = offsets.committed();
            if (lag == 0 || committed != committedBefore) {
                stalledSince = null;
            } else if (stalledSince == null) {
                stalledSince = now;
            }
            committedBefore = committed;
            long stalled = stalledSince == null ? 0 : Duration.between(stalledSince, now).toSeconds();
            State state = stalledSince != null && Duration.between(stalledSince, now).compareTo(stalledAfter) >= 0 ? State.STALLED : State.RUNNING;
            return new Snapshot(state, lag, stalled, partitions.size(),
                    state == State.STALLED ? lag + " records waiting, none counted for " + stalled + " s" : "counting");
        } catch (RuntimeException e) {
            LOG.debugf("Could not read the consumer's lag: %s", e.getMessage());
            return unanswered(now, "the broker did not answer: " + Failures.describe(e));
        }
    }

    /** Nothing could be read: the numbers stand still as long as that lasts, which counts as stalled after the limit. */
    private Snapshot unanswered(Instant now, String detail) {
        if (stalledSince == null) {
            stalledSince = now;
        }
        Duration stalled = Duration.between(stalledSince, now);
        State state = stalled.compareTo(stalledAfter) >= 0 ? State.STALLED : State.RUNNING;
        return new Snapshot(state, last.lag(), stalled.toSeconds(), last.partitions(), detail);
    }

    private String closedReason() {
        if (closedBecause != null) {
            return closedBecause;
        }
        // The connector's own report for the incoming channel (a failure it met outside consume(), say); the dead-letter
        // channel's producer reports its own troubles, which EventConsumer retries.
        HealthReport liveness = health.getLiveness();
        return liveness.getChannels().stream().filter(c -> EventConsumer.EVENTS_IN.equals(c.getChannel()) && !c.isOk())
                .map(c -> c.getChannel() + ": " + c.getMessage()).findFirst().orElse(null);
    }

    /** The records not yet counted on the partitions, and the sum of their committed offsets (which moves as they are). */
    private record Offsets(long lag, long committed) {
    }

    /** Per partition: end offset minus the group's committed offset (the log's start when nothing is committed yet). */
    private Offsets offsets(Set<TopicPartition> partitions) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin().listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all()
                    .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Set<TopicPartition> uncommitted = partitions.stream().filter(p -> committed.get(p) == null).collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResultInfo> starts = uncommitted.isEmpty() ? Map.of()
                    : admin().listOffsets(uncommitted.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all()
                            .get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            long lag = 0;
            long sum = 0;
            for (TopicPartition p : partitions) {
                OffsetAndMetadata c = committed.get(p);
                long from = c != null ? c.offset() : starts.get(p).offset();
                sum += from;
                lag += Math.max(0, ends.get(p).offset() - from);
            }
            return new Offsets(lag, sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Whether any topic the consumer reads exists; when the broker does not answer, assume so (and say unassigned). */
    private boolean anyTopicExists() {
        try {
            Set<String> names = admin().listTopics().names().get(ASK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return subscribed.stream().anyMatch(names::contains);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return true;
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            // The broker's address and its credentials, as the connector has them.
            Map<String, Object> config = KafkaConnection.of(kafkaConfig);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ASK_TIMEOUT.toMillis());
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
