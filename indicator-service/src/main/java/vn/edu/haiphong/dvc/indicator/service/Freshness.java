package vn.edu.haiphong.dvc.indicator.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import vn.edu.haiphong.dvc.indicator.api.DashboardStatus;
import vn.edu.haiphong.dvc.indicator.config.DashboardConfig;
import vn.edu.haiphong.dvc.indicator.messaging.ConsumerProgress;

/**
 * When the facts last changed, read from the database so that an event applied by any instance counts,
 * whether that is longer ago than the dashboard's threshold, and whether this instance still counts at all.
 */
@ApplicationScoped
public class Freshness {

    private final EntityManager em;
    private final DashboardConfig config;
    private final ConsumerProgress progress;

    public Freshness(EntityManager em, DashboardConfig config, ConsumerProgress progress) {
        this.em = em;
        this.config = config;
        this.progress = progress;
    }

    public DashboardStatus status() {
        // Moved with every batch that applied events, by whichever instance: one row, whatever the data's size.
        Object latest = em.createNativeQuery("select events_at from data_version where id = 1").getSingleResult();
        OffsetDateTime now = OffsetDateTime.now(FactUpdater.DEPARTMENT_OFFSET).withNano(0);
        OffsetDateTime lastEventAt = latest == null ? null : toOffset(latest).withOffsetSameInstant(FactUpdater.DEPARTMENT_OFFSET);
        ConsumerProgress.Snapshot consumer = progress.snapshot();
        return new DashboardStatus(now, lastEventAt, config.staleAfter().toString(), stale(lastEventAt, config.staleAfter(), now),
                consumer.state().counting(), new DashboardStatus.Consumer(consumer.state().name(), consumer.lag(), consumer.stalledSeconds()));
    }

    /** No event at all, or none for longer than {@code after}. */
    static boolean stale(OffsetDateTime lastEventAt, Duration after, OffsetDateTime now) {
        return lastEventAt == null || lastEventAt.plus(after).isBefore(now);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        } else if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        } else if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
