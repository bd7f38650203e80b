package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One indicator over one scope: its counts, its value as a percentage, and the plan's target. */
@Schema(name = "Indicator")
public record IndicatorValue(
        @Schema(examples = "online-submission") String id,
        Label name,
        @Schema(examples = "5120") long numerator,
        @Schema(description = "Null where unknown (an unset adult population)", nullable = true, examples = "10240") Long denominator,
        @Schema(description = "Percentage, rounded half-up to 2 decimals; null when the denominator is 0 or unknown",
                nullable = true, examples = "50.0") BigDecimal value,
        @Schema(description = "The plan's target for the year of `to`; null for none", nullable = true, examples = "50.0") BigDecimal target,
        @Schema(description = "value >= target; null when either is null", nullable = true) Boolean met,
        @Schema(description = "What the numerator and denominator count (and so what a drill-down lists): "
                + "DOSSIER, TRANSACTION, PROCEDURE or APPLICANT", examples = "DOSSIER") String subject,
        @Schema(description = "How many more of the denominator's items, counted in the numerator too, make the value "
                + "meet the target (0 when met); null without a target or a denominator", nullable = true, examples = "0") Long needed) {

    @Schema(name = "Label")
    public record Label(String vi, String en) {
    }
}
