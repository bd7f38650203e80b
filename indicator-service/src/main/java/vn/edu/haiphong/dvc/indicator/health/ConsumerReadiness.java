package vn.edu.haiphong.dvc.indicator.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import vn.edu.haiphong.dvc.indicator.messaging.ConsumerProgress;

/**
 * Ready only while this instance counts the events: a consumer that has closed, holds no partition, or lets records
 * wait uncounted past the limit takes the instance out of service, so that a frozen scorecard answers an error
 * rather than a 200 with old numbers.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    public static final String NAME = "Counting events";

    private final ConsumerProgress progress;

    public ConsumerReadiness(ConsumerProgress progress) {
        this.progress = progress;
    }

    @Override
    public HealthCheckResponse call() {
        ConsumerProgress.Snapshot snapshot = progress.snapshot();
        return ConsumerLiveness.describe(NAME, snapshot, progress.countersWaiting(), snapshot.state().counting());
    }
}
