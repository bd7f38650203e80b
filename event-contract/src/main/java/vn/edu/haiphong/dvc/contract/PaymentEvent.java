package vn.edu.haiphong.dvc.contract;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A payment event as published on {@link Topics#PAYMENT_EVENTS} (key: {@code dossierCode}). Amounts are
 * whole VND.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentEvent(
        String eventId,
        PaymentEventType type,
        String transactionId,
        OffsetDateTime occurredAt,
        String dossierCode,
        String procedureCode,
        String unitCode,
        Long amount,
        PaymentMethod method) {
}
