package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * r2 (issue 20): where each indicator with a target is heading by the year's end if the rest of the year goes as its
 * last 8 weeks went, and the weekly pace that would meet the target. A projection, never an official figure.
 */
@Schema(name = "Projections")
public record ProjectionResponse(
        @Schema(description = "Always true: these are projections, never official figures") boolean projection,
        IndicatorValue.Label label,
        @Schema(description = "The scope unit; null for every unit", nullable = true, examples = "SGDDT") String unit,
        @Schema(description = "The year projected", examples = "2024") int year,
        @Schema(description = "The figures so far: 1 January to this day", examples = "2024-10-15") LocalDate asOf,
        @Schema(description = "The recent window whose pace is carried forward: the 8 weeks (56 days) ending asOf, within the year",
                examples = "2024-08-21") LocalDate recentFrom,
        @Schema(description = "Days in the recent window (56 unless the year is younger)", examples = "56") int recentDays,
        @Schema(description = "Days from the day after asOf to 31 December", examples = "77") int daysLeft,
        @Schema(description = "The rule, in words") IndicatorValue.Label rule,
        List<Projection> projections,
        List<NotProjected> notProjected) {

    /** One indicator's projection. */
    @Schema(name = "Projection")
    public record Projection(
            @Schema(examples = "online-submission") String id,
            IndicatorValue.Label name,
            @Schema(examples = "DOSSIER") String subject,
            @Schema(examples = "50.0") BigDecimal target,
            @Schema(description = "The official figures so far (1 January to asOf), as /api/v1/indicators serves them") Figures current,
            @Schema(description = "The recent window's counts, per week") Pace recentPerWeek,
            @Schema(description = "Projected to 31 December: the counts so far plus the recent pace over the days left; value "
                    + "rounded half-up to 2 decimals") Figures projected,
            @Schema(description = "projected.value >= target; null without a projected value", nullable = true) Boolean meetsTarget,
            @Schema(description = "How many more of the denominator's items still to come, counted in the numerator too, would meet the "
                    + "target by 31 December (0 when the projection meets it); null when no day is left", nullable = true,
                    examples = "480") Long neededInAll,
            @Schema(description = "neededInAll spread over the weeks left, rounded up: the pace needed beyond the recent one",
                    nullable = true, examples = "37") Long neededPerWeek,
            @Schema(description = "Whether neededInAll fits in the items still to come at the recent pace (they cannot all be counted twice)",
                    nullable = true) Boolean reachable,
            @Schema(description = "The pace needed, in words: \"+37 hồ sơ mỗi tuần\"", nullable = true) IndicatorValue.Label pace) {
    }

    /** Counts and their value. */
    @Schema(name = "ProjectionFigures")
    public record Figures(@Schema(examples = "5120") BigDecimal numerator, @Schema(examples = "10240") BigDecimal denominator,
            @Schema(nullable = true, examples = "50.0") BigDecimal value) {
    }

    /** Counts per week. */
    @Schema(name = "ProjectionPace")
    public record Pace(@Schema(examples = "120.5") BigDecimal numerator, @Schema(examples = "240.25") BigDecimal denominator) {
    }

    /** An indicator left out, and why. */
    @Schema(name = "NotProjected")
    public record NotProjected(@Schema(examples = "procedures-fully-online") String id, IndicatorValue.Label name,
            IndicatorValue.Label reason) {
    }
}
