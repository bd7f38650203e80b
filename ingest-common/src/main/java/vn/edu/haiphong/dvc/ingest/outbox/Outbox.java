package vn.edu.haiphong.dvc.ingest.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;


/**
 * Writes a message to the outbox in the caller's transaction: the message exists if and only if the
 * change it announces was committed. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;

    public Outbox(OutboxRepository repository) {
        this.repository = repository;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, String key, String payload, String ceId, String ceType, OffsetDateTime ceTime) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.messageKey = key;
        message.payload = payload;
        message.ceId = ceId;
        message.ceType = ceType;
        message.ceTime = ceTime;
        message.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        repository.persist(message);
    }
}
