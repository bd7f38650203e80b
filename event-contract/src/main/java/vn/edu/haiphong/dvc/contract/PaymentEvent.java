package vn.edu.haiphong.dvc.contract;

import java.time.OffsetDateTime;
import java.util.List;

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

    /** The fields every payment event carries, whatever its type. */
    public static final List<String> COMMON_FIELDS =
            List.of("eventId", "type", "transactionId", "occurredAt", "dossierCode", "procedureCode", "unitCode");

    /** The names of the required fields this event lacks; empty when complete. */
    public List<String> missingFields() {
        Missing missing = new Missing().check("eventId", eventId).check("type", type).check("transactionId", transactionId)
                .check("occurredAt", occurredAt).check("dossierCode", dossierCode).check("procedureCode", procedureCode)
                .check("unitCode", unitCode);
        if (type != null) {
            missing.checkIf(type.requires("amount"), "amount", amount).checkIf(type.requires("method"), "method", method);
        }
        return missing.names();
    }
}
