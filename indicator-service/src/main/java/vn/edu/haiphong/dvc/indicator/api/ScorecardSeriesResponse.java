package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** r2: the scorecard's total month by month, each month scored over itself alone with the definition of its own year. */
@Schema(name = "ScorecardSeries")
public record ScorecardSeriesResponse(
        @Schema(examples = "2024-01-01") LocalDate from,
        @Schema(examples = "2024-12-31") LocalDate to,
        @Schema(nullable = true, examples = "SGDDT") String unit,
        @Schema(examples = "true") boolean estimate,
        @Schema(description = "One per calendar month of the period, the first and last clipped to it") List<Bucket> buckets) {

    @Schema(name = "ScorecardBucket")
    public record Bucket(
            @Schema(examples = "2024-03-01") LocalDate from,
            @Schema(examples = "2024-03-31") LocalDate to,
            @Schema(description = "The definition's version for the month's year; null (and no points) for a year before any "
                    + "definition", nullable = true, examples = "766-2024.1") String version,
            @Schema(nullable = true, examples = "58.2") BigDecimal earned,
            @Schema(nullable = true, examples = "72") BigDecimal possible) {
    }
}
