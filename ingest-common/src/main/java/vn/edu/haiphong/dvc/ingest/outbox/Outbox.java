package vn.edu.haiphong.dvc.ingest.outbox;

import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Writes a message to the outbox in the caller's transaction: the message exists if and only if the
 * change it announces was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = Outbox.class.getName() + ".wake-up";

    private final OutboxRepository repository;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(OutboxRepository repository, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.repository = repository;
        this.relay = relay;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(OutboxEvent event) {
        enqueueAll(List.of(event));
    }

    /**
     * Writes the messages in one JDBC batch, without the persistence context (nothing reads them back in the
     * transaction; the relay reads them once committed). Each takes its id from {@code outbox_message_seq} itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueueAll(List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        repository.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("""
                    insert into outbox_message (id, topic, message_key, payload, ce_id, ce_type, ce_time, created_at)
                    values (nextval('outbox_message_seq'), ?, ?, ?, ?, ?, ?, ?)""")) {
                for (OutboxEvent event : events) {
                    s.setString(1, event.topic());
                    s.setString(2, event.key());
                    s.setString(3, event.payload());
                    s.setString(4, event.eventId());
                    s.setString(5, event.cloudEventType());
                    s.setObject(6, event.occurredAt());
                    s.setObject(7, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
        });
        if (transactions.getResource(WAKE_UP_REGISTERED) == null) {
            transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wakeUp();
                    }
                }
            });
        }
    }
}
