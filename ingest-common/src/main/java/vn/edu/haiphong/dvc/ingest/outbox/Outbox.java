package vn.edu.haiphong.dvc.ingest.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

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
        OutboxMessage message = new OutboxMessage();
        message.topic = event.topic();
        message.messageKey = event.key();
        message.payload = event.payload();
        message.ceId = event.eventId();
        message.ceType = event.cloudEventType();
        message.ceTime = event.occurredAt();
        message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        repository.persist(message);
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
