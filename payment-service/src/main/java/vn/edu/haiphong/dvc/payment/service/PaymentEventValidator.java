package vn.edu.haiphong.dvc.payment.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;
import vn.edu.haiphong.dvc.ingest.validation.EventBatch;
import vn.edu.haiphong.dvc.ingest.validation.EventFields;

/**
 * Every field rule of section 3 of the contract: the fields all events share are read by
 * {@link EventFields}, the payment's own here.
 */
@ApplicationScoped
public class PaymentEventValidator {

    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    private final ReferenceData referenceData;
    private final Clock clock = Clock.systemUTC();

    public PaymentEventValidator(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /**
     * @throws vn.edu.haiphong.dvc.api.problem.ProblemException 422 naming every failing field, 413 for
     *         an oversized batch, 503 when a code can be confirmed neither locally nor by dossier-service
     */
    public List<PaymentEvent> validate(JsonNode body) {
        return EventBatch.read(body, clock, this::read, referenceData);
    }

    private PaymentEvent read(EventFields f, OffsetDateTime latest) {
        PaymentEventType type = f.enumValue("type", PaymentEventType.class, true);
        String transactionId = f.code("transactionId");
        // Every type may carry an amount and a method; which types require them is the contract's
        // (a refund is of the whole amount: it may name it, and may say how the money went back).
        Long amount = f.wholeNumber("amount", 1, MAX_AMOUNT, type != null && type.requires("amount"));
        PaymentMethod method = f.enumValue("method", PaymentMethod.class, type != null && type.requires("method"));
        return new PaymentEvent(f.eventId(), type, transactionId, f.occurredAt(), f.dossierCode(), f.procedureCode(),
                f.unitCode(), amount, method);
    }
}
