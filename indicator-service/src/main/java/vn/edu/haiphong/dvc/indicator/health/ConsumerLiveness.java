package vn.edu.haiphong.dvc.indicator.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import vn.edu.haiphong.dvc.indicator.messaging.ConsumerProgress;
import vn.edu.haiphong.dvc.indicator.messaging.ConsumerProgress.State;

/**
 * Alive unless the consumer has closed for good: only a restart brings a closed consumer back, so the platform
 * should restart the instance. A stalled consumer is not restarted for it (waiting on the database, say, a restart
 * would change nothing): it is only taken out of service (ConsumerReadiness).
 */
@Liveness
@ApplicationScoped
public class ConsumerLiveness implements HealthCheck {

    public static final String NAME = "Event consumer";

    private final ConsumerProgress progress;

    public ConsumerLiveness(ConsumerProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        ConsumerProgress.Snapshot snapshot = progress.snapshot();
        return describe(NAME, snapshot, progress.countersWaiting(), snapshot.state() != State.CLOSED);
    }

    static HealthCheckResponse describe(String name, ConsumerProgress.Snapshot snapshot, boolean countersWaiting, boolean up) {
        return HealthCheckResponse.named(name).status(up).withData("state", snapshot.state().name()).withData("lag", snapshot.lag())
                .withData("stalledSeconds", snapshot.stalledSeconds()).withData("partitions", snapshot.partitions())
                .withData("countersWaitingForRecount", countersWaiting).withData("detail", snapshot.detail()).build();
    }
}
