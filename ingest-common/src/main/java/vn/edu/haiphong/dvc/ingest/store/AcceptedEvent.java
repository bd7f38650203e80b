package vn.edu.haiphong.dvc.ingest.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Collection;
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
