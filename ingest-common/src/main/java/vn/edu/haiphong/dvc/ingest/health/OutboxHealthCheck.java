package vn.edu.haiphong.dvc.ingest.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import vn.edu.haiphong.dvc.ingest.outbox.OutboxConfig;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxStaleness;

/**
 * Whether what was accepted reaches Kafka in time: down when the oldest message still waiting in the
 * outbox is older than {@code dvc.outbox.stale-after}. In {@code /q/health/ready}, for operators, and on
 * purpose not in the {@value ServingHealthCheck#GROUP} group: the outbox exists to accept events while
 * Kafka is away, so a stale outbox must not take an instance out of routing.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    public static final String NAME = "Outbox relayed to Kafka";

    private final OutboxStaleness staleness;
    private final Duration staleAfter;

    public OutboxHealthCheck(OutboxStaleness staleness, OutboxConfig config) {
        this.staleness = staleness;
        this.staleAfter = config.staleAfter();
    }

    @Override
    public HealthCheckResponse call() {
        OutboxStaleness.Reading reading = staleness.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("staleAfterSeconds", staleAfter.toSeconds());
        if (!reading.readable()) {
            return response.down().withData("reason", "database unreachable").build();
        }
        Instant now = staleness.now();
        Duration age = reading.oldestAge(now);
        return response.status(age.compareTo(staleAfter) <= 0)
                .withData("oldestUnrelayedAgeSeconds", age.toSeconds())
                .withData("pending", reading.pending())
                .build();
    }
}
