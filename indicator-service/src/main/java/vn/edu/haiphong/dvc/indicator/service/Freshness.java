package vn.edu.haiphong.dvc.indicator.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.DashboardStatus;
import vn.edu.haiphong.dvc.indicator.config.DashboardConfig;
import vn.edu.haiphong.dvc.indicator.messaging.ConsumerProgress;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;

/**
 * When the facts last changed, read from the database so that an event applied by any instance counts,
 * whether that is longer ago than the dashboard's threshold, and whether this instance still counts at all.
 */
@ApplicationScoped
public class Freshness {

    private final DataVersionRepository version;
    private final DashboardConfig config;
    private final ConsumerProgress progress;

    public Freshness(DataVersionRepository version, DashboardConfig config, ConsumerProgress progress) {
        this.version = version;
        this.config = config;
        this.progress = progress;
    }

    public DashboardStatus status() {
        // Moved with every batch that applied events, by whichever instance: one row, whatever the data's size.
        OffsetDateTime now = DepartmentTime.now(Clock.systemUTC());
        OffsetDateTime lastEventAt = version.eventsAt().map(t -> t.withOffsetSameInstant(DepartmentTime.OFFSET)).orElse(null);
        ConsumerProgress.Snapshot consumer = progress.snapshot();
        return new DashboardStatus(now, lastEventAt, config.staleAfter().toString(), stale(lastEventAt, config.staleAfter(), now),
                consumer.state().counting(), new DashboardStatus.Consumer(consumer.state().name(), consumer.lag(), consumer.stalledSeconds()));
    }

    /** No event at all, or none for longer than {@code after}. */
    static boolean stale(OffsetDateTime lastEventAt, Duration after, OffsetDateTime now) {
        return lastEventAt == null || lastEventAt.plus(after).isBefore(now);
    }
}
