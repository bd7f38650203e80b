package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The rows behind a number, one page at a time, each with what a clerk needs to act on it. Nothing personal. */
@Schema(name = "DrillDown")
public record DrillDownResponse(String id, LocalDate from, LocalDate to, @Schema(nullable = true) String unit,
        @Schema(description = "numerator, denominator, or gap (in the denominator, not in the numerator)") String set,
        @Schema(description = "What the items are: DOSSIER, TRANSACTION, PROCEDURE or (r2, indicators 16 and 17) UNIT") String subject,
        int page, int size, long total, List<Item> items,
        @Schema(nullable = true, description = "The item field whose day places a row in the period (submittedAt, receivedAt, "
                + "resultIssuedAt, ratedAt, paidAt, endedAt); null for the catalogue and the units")
        String periodBy,
        @Schema(description = "The instant at which `late` is judged: the period's cut-off, the earlier of 24:00 of `to` and now")
        OffsetDateTime cutOff,
        @Schema(nullable = true, description = "The order asked for (`sort`), null for the codes' order") String sort,
        @Schema(nullable = true, description = "The procedure filter, when given") String procedure,
        @Schema(nullable = true, description = "The unit filter (rows of exactly that unit), when given") String unitCode) {

    /**
     * One row. Codes as before; then, for a dossier, its procedure and unit with their names, its dates as the facts
     * know them now (on the department's clock), channel, and whether it was late at the period's cut-off; for a
     * transaction, its dossier, procedure, unit, paid time, method, amount and the dossier's channel. Absent fields are
     * left out. No applicant field, ever.
     */
    @Schema(name = "DrillDownItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String dossierCode, String transactionId, String procedureCode,
            @Schema(description = "r2: a unit, for indicators 16 and 17; the dossier's or transaction's unit otherwise") String unitCode,
            @Schema(description = "r2: weekly-broadcasts' gap: the Mondays of the weeks of the period in which the unit aired nothing",
                    examples = "[\"2024-03-04\", \"2024-03-11\"]") List<LocalDate> missedWeeks,
            @Schema(description = "As this service's copy of the catalogue names it") String procedureName,
            @Schema(description = "As this service's copy of the unit tree names it") String unitName,
            OffsetDateTime submittedAt, OffsetDateTime receivedAt,
            @Schema(description = "Its current due (CONTRACT section 2)") OffsetDateTime due,
            OffsetDateTime resultIssuedAt, OffsetDateTime withdrawnAt,
            @Schema(description = "When its processing ended: the earlier of its result and its withdrawal") OffsetDateTime endedAt,
            @Schema(description = "Its latest rating's time") OffsetDateTime ratedAt,
            @Schema(description = "Its latest rating, 1-5") Integer rating,
            @Schema(description = "ONLINE, IN_PERSON or POSTAL, as submitted") String channel, Boolean fullyOnline,
            @Schema(description = "A transaction: when it was paid; a paid dossier: its first payment of the period") OffsetDateTime paidAt,
            @Schema(description = "A transaction's method; a paid dossier's methods in the period, comma-separated") String method,
            @Schema(description = "A transaction's amount, VND") Long amount,
            @Schema(description = "Received by the cut-off: whether it was late then (CONTRACT section 5, r2's rule); absent otherwise")
            Boolean late,
            @Schema(description = "When late: the working days d with its due day (at the cut-off) < d <= the day it ended, or the "
                    + "cut-off's day while open (0 when late by a supplement rule before its due day)")
            Long workingDaysLate) {
    }
}
