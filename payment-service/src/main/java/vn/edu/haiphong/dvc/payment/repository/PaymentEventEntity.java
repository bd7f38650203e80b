package vn.edu.haiphong.dvc.payment.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.ingest.store.AcceptedEvent;

/** An accepted payment event, stored as published. */
@Entity
@Table(name = "payment_event")
public class PaymentEventEntity extends AcceptedEvent {

    @Column(name = "transaction_id", nullable = false)
    public String transactionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentEventType type;

    public static PaymentEventEntity of(PaymentEvent event, String payload, String contentHash, OffsetDateTime now) {
        PaymentEventEntity entity = new PaymentEventEntity();
        entity.fill(event.eventId(), event.occurredAt(), payload, contentHash, now);
        entity.transactionId = event.transactionId();
        entity.type = event.type();
        return entity;
    }
}
