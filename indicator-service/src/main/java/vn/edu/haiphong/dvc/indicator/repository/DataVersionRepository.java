package vn.edu.haiphong.dvc.indicator.repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one row of {@code data_version}: a number every transaction that changes what the indicators are computed
 * from moves (the facts, the reference copies, a plan), and the time of the latest batch of events. The one owner of
 * that row in Java (the migrations' recount moves it too, in SQL).
 */
@ApplicationScoped
public class DataVersionRepository {

    private final Jdbc jdbc;

    public DataVersionRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the data as changed, inside the transaction that changed it: readers compare versions to know whether to
     * read again.
     *
     * @param events whether events were applied (not only reference data or a plan): the latest event's time is then now
     */
    public void changed(OffsetDateTime now, boolean events) {
        jdbc.update("update data_version set version = version + 1, changed_at = ?, events_at = case when ? then ? else events_at end"
                + " where id = 1", now, events, now);
    }

    public long version() {
        return jdbc.list("select version from data_version where id = 1", rs -> rs.getLong(1)).get(0);
    }

    /** When a batch of events last changed the facts, by whichever instance; empty before the first. */
    public Optional<OffsetDateTime> eventsAt() {
        return Optional.ofNullable(jdbc.list("select events_at from data_version where id = 1",
                rs -> rs.getObject(1, OffsetDateTime.class)).get(0));
    }
}
