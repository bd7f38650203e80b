package vn.edu.haiphong.dvc.indicator.repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code data_version}, a row per shard (migration V14): a number every transaction that changes what the indicators
 * are computed from moves (the facts, the reference copies, a plan), and the time of the latest batch of events. A
 * writer moves only its shard's row, through {@code dvc_data_changed()}, so that instances counting different shards
 * never wait on each other for it; the version is the sum over the shards, which grows whenever any shard's does.
 * The one owner of that table in Java (the migrations' recount moves shard 0 too, in SQL).
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
     * @param shard the writer's shard (the consumer batch's, {@link CounterRepository#SHARED_SHARD} for any other writer)
     * @param events whether events were applied (not only reference data or a plan): the latest event's time is then now
     */
    public void changed(short shard, OffsetDateTime now, boolean events) {
        jdbc.list("select dvc_data_changed(cast(? as smallint), ?, ?)", rs -> rs.getLong(1), shard, now, events);
    }

    public long version() {
        return jdbc.list("select cast(coalesce(sum(version), 0) as bigint) from data_version", rs -> rs.getLong(1)).get(0);
    }

    /** When a batch of events last changed the facts, by whichever instance; empty before the first. */
    public Optional<OffsetDateTime> eventsAt() {
        return Optional.ofNullable(jdbc.list("select max(events_at) from data_version",
                rs -> rs.getObject(1, OffsetDateTime.class)).get(0));
    }
}
