package vn.edu.haiphong.dvc.payment.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;

/**
 * The shape of a payment event in a request body, for the OpenAPI document only: clients generated from the document
 * send it. The resource reads the body as JSON and {@code PaymentEventValidator} applies the contract's rules; this
 * record is never instantiated.
 */
@Schema(name = "PaymentEvent", description = "A payment or refund of a dossier's fee. PAID needs amount and method; a "
        + "REFUNDED event may name the amount (the whole amount paid). Unknown extra fields are ignored.")
record PaymentEventSchema(
        @Schema(required = true, description = "The idempotency key: 1-64 characters of A-Z a-z 0-9 . _ : -",
                pattern = "^[A-Za-z0-9._:-]{1,64}$", examples = "vnpay-000123-paid") String eventId,
        @Schema(required = true) PaymentEventType type,
        @Schema(required = true, description = "PAID and REFUNDED of one transaction share it", minLength = 1, maxLength = 64,
                examples = "VNPAY-20240304-000123") String transactionId,
        @Schema(required = true, description = "ISO-8601 with an offset; not before 2000-01-01, not more than 5 minutes in the future",
                examples = "2024-03-04T08:20:00+07:00") OffsetDateTime occurredAt,
        @Schema(required = true, description = "The dossier's code (mã hồ sơ)", minLength = 1, maxLength = 64,
                examples = "HS-2024-000123") String dossierCode,
        @Schema(required = true, description = "A registered procedure", minLength = 1, maxLength = 64, examples = "1.005090")
        String procedureCode,
        @Schema(required = true, description = "A registered unit", minLength = 1, maxLength = 64, examples = "SGDDT")
        String unitCode,
        @Schema(description = "Whole VND, 1 to 1,000,000,000,000. PAID: required; REFUNDED: optional", minimum = "1",
                maximum = "1000000000000", examples = "50000") Long amount,
        @Schema(description = "PAID: required") PaymentMethod method) {

    /**
     * A batch, as a named schema: a generator can then give it a type of its own (openapi-generator's Java clients need
     * {@code generateAliasAsModel}: their one-of wrapper cannot hold a bare list). Its bounds are in the body's description.
     */
    @Schema(name = "PaymentEventBatch")
    static final class Batch extends java.util.ArrayList<PaymentEventSchema> {
        private static final long serialVersionUID = 1L;
    }
}
