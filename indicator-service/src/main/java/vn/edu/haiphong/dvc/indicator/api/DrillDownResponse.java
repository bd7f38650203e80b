package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The codes behind a number, one page at a time. Nothing personal. */
@Schema(name = "DrillDown")
public record DrillDownResponse(String id, LocalDate from, LocalDate to, @Schema(nullable = true) String unit,
        @Schema(description = "numerator, denominator, or gap (in the denominator, not in the numerator)") String set,
        @Schema(description = "What the items are: DOSSIER, TRANSACTION, PROCEDURE or (r2, indicators 16 and 17) UNIT") String subject,
        int page, int size, long total, List<Item> items) {

    @Schema(name = "DrillDownItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String dossierCode, String transactionId, String procedureCode,
            @Schema(description = "r2: a unit, for indicators 16 and 17") String unitCode,
            @Schema(description = "r2: weekly-broadcasts' gap: the Mondays of the weeks of the period in which the unit aired nothing",
                    examples = "[\"2024-03-04\", \"2024-03-11\"]") List<LocalDate> missedWeeks) {

        public Item(String dossierCode, String transactionId, String procedureCode) {
            this(dossierCode, transactionId, procedureCode, null, null);
        }

        /** A unit, with the weeks it missed when the indicator counts weeks and the set is the gap. */
        public static Item unit(String code, List<LocalDate> missedWeeks) {
            return new Item(null, null, null, code, missedWeeks);
        }
    }
}
