package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * r2 (issue 20): what the public may see: units' figures against the plan, counts only. Nothing per dossier, nobody's
 * data: no codes of dossiers or transactions, no applicant, no drill-down.
 */
@Schema(name = "PublicIndicators")
public record PublicIndicatorsResponse(
        @Schema(examples = "2024") int year,
        @Schema(examples = "2024-01-01") LocalDate from,
        @Schema(description = "31 December, or today for this year", examples = "2024-12-31") LocalDate to,
        @Schema(description = "When the figures were read", examples = "2026-11-26T08:00:00+07:00") OffsetDateTime asOf,
        @Schema(description = "When an event last changed the figures; null before the first", nullable = true) OffsetDateTime lastEventAt,
        List<PublicUnit> units) {

    /** A unit and its figures. */
    @Schema(name = "PublicUnit")
    public record PublicUnit(@Schema(examples = "SGDDT") String code, @Schema(examples = "Sở Giáo dục và Đào tạo Hải Phòng") String name,
            @Schema(examples = "DEPARTMENT") String type,
            @Schema(description = "DEPARTMENT for a root of the tree, DISTRICT for a unit directly below it, UNIT for one asked for",
                    examples = "DEPARTMENT") String level,
            List<PublicFigure> indicators) {
    }

    /** One indicator of a unit against the plan. */
    @Schema(name = "PublicFigure")
    public record PublicFigure(@Schema(examples = "online-submission") String id, IndicatorValue.Label name,
            @Schema(examples = "5120") long numerator, @Schema(nullable = true, examples = "10240") Long denominator,
            @Schema(nullable = true, examples = "50.0") BigDecimal value, @Schema(nullable = true, examples = "50.0") BigDecimal target,
            @Schema(nullable = true) Boolean met) {
    }
}
