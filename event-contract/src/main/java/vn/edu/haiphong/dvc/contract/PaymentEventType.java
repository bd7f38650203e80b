package vn.edu.haiphong.dvc.contract;

import java.util.List;

/**
 * The payment event types of section 3 of the contract, each with the fields it requires beyond the ones every
 * payment event carries ({@link PaymentEvent#COMMON_FIELDS}). A refund is of the whole amount: it may name the
 * amount and the method, and need not.
 */
public enum PaymentEventType {
    PAID("amount", "method"),
    REFUNDED;

    private final List<String> requiredFields;

    PaymentEventType(String... requiredFields) {
        this.requiredFields = List.of(requiredFields);
    }

    public List<String> requiredFields() {
        return requiredFields;
    }

    public boolean requires(String field) {
        return requiredFields.contains(field);
    }
}
