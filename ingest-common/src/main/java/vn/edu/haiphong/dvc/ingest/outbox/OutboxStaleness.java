package vn.edu.haiphong.dvc.ingest.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;

/**
 * How far the relay is behind, across all instances: how many messages wait in the outbox and how long
 * the oldest has waited. Read from the table at most every {@value #READ_EVERY_SECONDS} seconds, however
 * often metrics are scraped and probes ask; counting the waiting messages grows with the backlog, the
 * oldest one's time is one entry of an index. Started with the application, so that its gauges are there
 * from the first scrape.
 */
@Startup
@ApplicationScoped
public class OutboxStaleness {

    static final int READ_EVERY_SECONDS = 5;

    /**
     * What the outbox held when it was last read.
     *
     * @param oldestCreatedAt when the oldest unsent message was written; null when none waits
     * @param readable false when the database could not be read (the other fields are then empty)
     */
    public record Reading(Instant readAt, long pending, Instant oldestCreatedAt, boolean readable) {

        /** How long the oldest unsent message has waited by {@code now}; zero when none waits. */
        public Duration oldestAge(Instant now) {
            if (oldestCreatedAt == null || now.isBefore(oldestCreatedAt)) {
                return Duration.ZERO;
            }
            return Duration.between(oldestCreatedAt, now);
        }
    }

    private static final Logger LOG = Logger.getLogger(OutboxStaleness.class);

    private final OutboxRepository outbox;
    private final Clock clock = Clock.systemUTC();
    private Reading last;

    public OutboxStaleness(OutboxRepository outbox, MeterRegistry registry) {
        this.outbox = outbox;
        Gauge.builder("dvc.outbox.oldest.unrelayed.age", this, s -> s.ageSecondsOrNaN())
                .description("How long the oldest outbox message not yet acknowledged by Kafka has waited (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder("dvc.outbox.pending", this, s -> s.pendingOrNaN())
                .description("Outbox messages not yet acknowledged by Kafka")
                .register(registry);
    }

    /** The latest reading, read again when it is older than a few seconds. */
    public synchronized Reading current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.readAt().plusSeconds(READ_EVERY_SECONDS))) {
            last = read(now);
        }
        return last;
    }

    public Instant now() {
        return clock.instant();
    }

    private Reading read(Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> new Reading(now, outbox.backlog(),
                    outbox.oldestUnsentCreatedAt().map(t -> t.toInstant()).orElse(null), true));
        } catch (RuntimeException e) {
            LOG.debugf("Cannot read the outbox: %s", e.getMessage());
            return new Reading(now, 0, null, false);
        }
    }

    private double ageSecondsOrNaN() {
        Reading reading = current();
        return reading.readable() ? reading.oldestAge(now()).toMillis() / 1000.0 : Double.NaN;
    }

    private double pendingOrNaN() {
        Reading reading = current();
        return reading.readable() ? reading.pending() : Double.NaN;
    }
}
