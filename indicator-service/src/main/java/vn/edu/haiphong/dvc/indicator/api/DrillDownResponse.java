package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The codes behind a number, one page at a time. Nothing personal. */
@Schema(name = "DrillDown")
public record DrillDownResponse(String id, LocalDate from, LocalDate to, @Schema(nullable = true) String unit,
        @Schema(description = "numerator, denominator, or gap (in the denominator, not in the numerator)") String set,
        @Schema(description = "What the items are: DOSSIER, TRANSACTION or PROCEDURE") String subject,
        int page, int size, long total, List<Item> items) {

    @Schema(name = "DrillDownItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String dossierCode, String transactionId, String procedureCode) {
    }
}
