package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The indicator for each child unit of the scope (each with its own subtree), ranked. */
@Schema(name = "Breakdown")
public record BreakdownResponse(String id, IndicatorValue.Label name, LocalDate from, LocalDate to,
        @Schema(description = "The scope whose children are ranked; null: the roots of the tree", nullable = true) String unit,
        List<Row> units) {

    @Schema(name = "BreakdownRow")
    public record Row(@Schema(description = "1 for the highest value; units without a value come last, unranked", nullable = true) Integer rank,
            String code, String name, long numerator, @Schema(nullable = true) Long denominator,
            @Schema(nullable = true) java.math.BigDecimal value, @Schema(nullable = true) java.math.BigDecimal target,
            @Schema(nullable = true) Boolean met) {
    }
}
