package vn.edu.haiphong.dvc.payment.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.edu.haiphong.dvc.contract.PaymentMethod;

/**
 * Reconciliation: counts and sums of the transactions paid in a period, by method, as an accountant
 * checks them against the payment platform's statement.
 */
@Schema(name = "PaymentSummary", description = "Transactions paid in [from, to] (dates in UTC+07:00) in the unit's scope, by method. "
        + "`refunded` are those of them refunded since; `net` = paid - refunded. Amounts in whole VND.")
public record PaymentSummary(LocalDate from, LocalDate to,
        @Schema(description = "The scope unit (with every unit below it); null for every unit", nullable = true) String unit,
        @Schema(examples = "VND") String currency,
        @Schema(description = "One entry per method, all four always present") List<ByMethod> byMethod,
        Totals total) {

    @Schema(name = "PaymentSummaryByMethod")
    public record ByMethod(PaymentMethod method, Line paid, Line refunded, Line net) {
    }

    @Schema(name = "PaymentSummaryTotals")
    public record Totals(Line paid, Line refunded, Line net) {
    }

    @Schema(name = "PaymentSummaryLine")
    public record Line(@Schema(examples = "120") long count, @Schema(examples = "6000000") long amount) {

        public Line minus(Line other) {
            return new Line(count - other.count, amount - other.amount);
        }

        public Line plus(Line other) {
            return new Line(count + other.count, amount + other.amount);
        }
    }
}
