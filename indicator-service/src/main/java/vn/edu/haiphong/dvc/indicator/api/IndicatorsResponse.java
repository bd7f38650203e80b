package vn.edu.haiphong.dvc.indicator.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicators")
public record IndicatorsResponse(
        @Schema(examples = "2024-01-01") LocalDate from,
        @Schema(examples = "2024-12-31") LocalDate to,
        @Schema(description = "The scope unit; null for every unit", nullable = true, examples = "SGDDT") String unit,
        @Schema(description = "When the numbers were read", examples = "2026-11-26T08:00:00+07:00") OffsetDateTime asOf,
        List<IndicatorValue> indicators) {
}
