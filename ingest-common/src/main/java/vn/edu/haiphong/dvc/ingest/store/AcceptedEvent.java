package vn.edu.haiphong.dvc.ingest.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

import org.hibernate.Session;

/**
 * What an ingest service keeps of every event it accepted: the event as published, and the hash that
 * tells a re-sent duplicate from a conflicting re-use of its id. Each service maps its own table.
 */
@MappedSuperclass
public abstract class AcceptedEvent {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** SHA-256 of the event's canonical JSON: a re-sent event is a duplicate only if this matches. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String payload;

    @Column(name = "accepted_at", nullable = false)
    public OffsetDateTime acceptedAt;

    protected void fill(String eventId, OffsetDateTime occurredAt, String payload, String contentHash, OffsetDateTime now) {
        this.eventId = eventId;
        this.occurredAt = occurredAt;
        this.payload = payload;
        this.contentHash = contentHash;
        this.acceptedAt = now;
    }

    /**
     * Inserts accepted events into their table in one JDBC batch, in the caller's transaction, without the
     * persistence context: a batch of events is written and never read back in its transaction, and an entity's
     * bookkeeping (persist, flush, its action queue) cost more than the insert on the single-event path.
     *
     * @param ownColumns the columns of the event's own table after the common ones, in order
     * @param ownValues each event's values for those columns (an enum is stored by name)
     */
    public static <E extends AcceptedEvent> void insertAll(EntityManager em, Class<E> type, List<E> events,
            List<String> ownColumns, Function<E, List<Object>> ownValues) {
        if (events.isEmpty()) {
            return;
        }
        String table = type.getAnnotation(Table.class).name();
        StringBuilder sql = new StringBuilder("insert into ").append(table)
                .append(" (event_id, occurred_at, content_hash, payload, accepted_at");
        ownColumns.forEach(c -> sql.append(", ").append(c));
        sql.append(") values (?, ?, ?, ?, ?").append(", ?".repeat(ownColumns.size())).append(')');
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql.toString())) {
                for (E e : events) {
                    s.setString(1, e.eventId);
                    s.setObject(2, e.occurredAt);
                    s.setString(3, e.contentHash);
                    s.setString(4, e.payload);
                    s.setObject(5, e.acceptedAt);
                    int i = 6;
                    for (Object value : ownValues.apply(e)) {
                        s.setObject(i++, value instanceof Enum<?> named ? named.name() : value);
                    }
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
    }

    /** The content hash of each of these events already stored in the table of {@code type}. */
    public static Map<String, String> storedHashes(EntityManager em, Class<? extends AcceptedEvent> type,
            Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        // One array parameter rather than an IN list of up to a thousand: one plan, whatever the batch's size.
        String table = type.getAnnotation(Table.class).name();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            Map<String, String> hashes = new HashMap<>();
            try (PreparedStatement s = connection.prepareStatement(
                    "select event_id, content_hash from " + table + " where event_id = any(?)")) {
                s.setArray(1, connection.createArrayOf("varchar", eventIds.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        hashes.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return hashes;
        });
    }
}
