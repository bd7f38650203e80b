package vn.edu.haiphong.dvc.payment.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.edu.haiphong.dvc.contract.PaymentMethod;

/** A payment transaction as an accountant checks it. */
@Schema(name = "Payment", description = "A payment transaction of a dossier. A refunded transaction counts in no indicator.")
public record PaymentView(
        @Schema(examples = "VNPAY-20240304-000123") String transactionId,
        @Schema(examples = "HS-2024-000123") String dossierCode,
        @Schema(examples = "1.005090") String procedureCode,
        @Schema(examples = "SGDDT") String unitCode,
        @Schema(description = "PAID, or REFUNDED once a refund arrived (even before its payment)") State state,
        @Schema(description = "How it was paid; null while only the refund has arrived", nullable = true) PaymentMethod method,
        @Schema(description = "Whole VND; null while only the refund has arrived", nullable = true, examples = "50000") Long amount,
        @Schema(nullable = true) OffsetDateTime paidAt,
        @Schema(nullable = true) OffsetDateTime refundedAt) {

    public enum State {
        PAID,
        REFUNDED
    }
}
