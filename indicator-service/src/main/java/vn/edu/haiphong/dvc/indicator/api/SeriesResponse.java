package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator per bucket of the period: the bucket's own figures, and the running figures since `from`. */
@Schema(name = "Series")
public record SeriesResponse(String id, IndicatorValue.Label name, LocalDate from, LocalDate to,
        @Schema(nullable = true) String unit,
        @Schema(examples = "month") String granularity,
        List<Bucket> buckets) {

    @Schema(name = "SeriesBucket")
    public record Bucket(LocalDate start, LocalDate end, Figures bucket, Figures cumulative) {
    }

    @Schema(name = "SeriesFigures")
    public record Figures(long numerator, @Schema(nullable = true) Long denominator,
            @Schema(nullable = true) java.math.BigDecimal value) {
    }
}
