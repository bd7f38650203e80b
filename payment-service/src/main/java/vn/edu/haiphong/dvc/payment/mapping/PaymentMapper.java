package vn.edu.haiphong.dvc.payment.mapping;

import java.time.OffsetDateTime;

import vn.edu.haiphong.dvc.contract.CloudEventHeaders;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;
import vn.edu.haiphong.dvc.payment.api.PaymentView;
import vn.edu.haiphong.dvc.payment.repository.PaymentTransaction;

public final class PaymentMapper {

    private PaymentMapper() {
    }

    /** The event as the outbox publishes it on {@link Topics#PAYMENT_EVENTS}, keyed by its dossier. */
    public static OutboxEvent toOutboxEvent(PaymentEvent event, String payload) {
        return new OutboxEvent(Topics.PAYMENT_EVENTS, event.dossierCode(), payload, event.eventId(),
                CloudEventHeaders.TYPE_PREFIX + ".payment." + event.type().name(), event.occurredAt());
    }

    /** Records one of the transaction's two events on it. */
    public static void apply(PaymentTransaction t, PaymentEvent e, OffsetDateTime now) {
        switch (e.type()) {
            case PAID -> {
                t.paidEventId = e.eventId();
                t.paidAt = e.occurredAt();
                t.amount = e.amount();
                t.method = e.method();
            }
            case REFUNDED -> {
                t.refundEventId = e.eventId();
                t.refundedAt = e.occurredAt();
                t.refundAmount = e.amount();
            }
        }
        t.updatedAt = now;
    }

    public static PaymentView toView(PaymentTransaction t) {
        return new PaymentView(t.transactionId, t.dossierCode, t.procedureCode, t.unitCode,
                t.refundEventId != null ? PaymentView.State.REFUNDED : PaymentView.State.PAID,
                t.method, t.amount, local(t.paidAt), local(t.refundedAt));
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(DepartmentTime.OFFSET);
    }
}
