package vn.edu.haiphong.dvc.ingest.outbox;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {

    /** Arbitrary constant naming the relay's advisory lock: one relay at a time across all instances. */
    private static final long RELAY_LOCK = 0x0D05_51E2_0B0FL;

    /**
     * Takes the relay lock for the current transaction. Only one instance relays at a time, so the
     * messages of one key reach the topic in the order they were written.
     */
    public boolean tryRelayLock() {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    public List<OutboxMessage> oldestUnsent(int limit) {
        return find("sentAt is null", Sort.by("id")).page(Page.ofSize(limit)).list();
    }

    public int markSent(Collection<Long> ids, OffsetDateTime at) {
        if (ids.isEmpty()) {
            return 0;
        }
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("update outbox_message set sent_at = ? where id = any(?)")) {
                s.setObject(1, at);
                s.setArray(2, connection.createArrayOf("int8", ids.toArray()));
                return s.executeUpdate();
            }
        });
    }

    public long purgeSentBefore(OffsetDateTime before) {
        return delete("sentAt < ?1", before);
    }

    public long backlog() {
        return count("sentAt is null");
    }

    /** When the oldest unsent message was written, if any waits (the partial index on created_at answers it). */
    public Optional<OffsetDateTime> oldestUnsentCreatedAt() {
        return Optional.ofNullable(getEntityManager()
                .createQuery("select min(m.createdAt) from OutboxMessage m where m.sentAt is null", OffsetDateTime.class)
                .getSingleResult());
    }
}
