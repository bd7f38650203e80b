package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * r2: the national scorecard over a scope (CONTRACT section 10), estimated from the served indicators. Points are rounded
 * half-up to 2 decimals; totals are the exact points summed, then rounded.
 */
@Schema(name = "Scorecard")
public record ScorecardResponse(
        @Schema(examples = "2024-01-01") LocalDate from,
        @Schema(examples = "2024-12-31") LocalDate to,
        @Schema(description = "The scope unit; null for every unit", nullable = true, examples = "SGDDT") String unit,
        @Schema(description = "When the indicators were read", examples = "2026-11-26T08:00:00+07:00") OffsetDateTime asOf,
        @Schema(description = "The definition's version", examples = "766-2024.1") String version,
        @Schema(description = "The year whose definition applies (that of `to`, or the latest earlier one)", examples = "2024")
        int definitionYear,
        @Schema(description = "Always true: an estimate from this system's events; the portal's own score is the official one",
                examples = "true") boolean estimate,
        @Schema(description = "The definition's total: its groups' points and those of the not-computed items outside them",
                examples = "100") BigDecimal maxPoints,
        @Schema(description = "The criteria's exact points summed, rounded half-up to 2 decimals", examples = "61.37") BigDecimal earned,
        @Schema(description = "The maxPoints of the criteria with a value", examples = "72") BigDecimal possible,
        @Schema(description = "The groups with criteria, in the definition's order") List<Group> groups,
        List<ScorecardDefinitionDto.NotComputed> notComputed) {

    @Schema(name = "ScorecardGroup")
    public record Group(
            @Schema(examples = "4") String id,
            IndicatorValue.Label name,
            @Schema(description = "Its points in the definition (criteria and not-computed items)", examples = "10") BigDecimal maxPoints,
            @Schema(description = "Its criteria's exact points summed, rounded half-up to 2 decimals", examples = "7.5") BigDecimal earned,
            @Schema(description = "The maxPoints of its criteria with a value", examples = "10") BigDecimal possible,
            List<Criterion> criteria) {
    }

    @Schema(name = "ScorecardCriterion")
    public record Criterion(
            @Schema(examples = "4.3") String id,
            @Schema(description = "The indicator it scores", examples = "dossiers-paid-online") String indicator,
            @Schema(description = "The indicator's name; null for an indicator this service does not serve", nullable = true)
            IndicatorValue.Label name,
            @Schema(description = "What the indicator counts: DOSSIER, TRANSACTION or PROCEDURE; null for an indicator not served",
                    nullable = true, examples = "DOSSIER") String subject,
            @Schema(nullable = true, examples = "812") Long numerator,
            @Schema(nullable = true, examples = "1000") Long denominator,
            @Schema(description = "The indicator's served value (a percentage rounded half-up to 2 decimals); null without data",
                    nullable = true, examples = "81.2") BigDecimal value,
            @Schema(examples = "100") BigDecimal fullAt,
            @Schema(examples = "6") BigDecimal maxPoints,
            @Schema(description = "maxPoints × min(1, value / fullAt), rounded half-up to 2 decimals; null without a value",
                    nullable = true, examples = "4.87") BigDecimal points,
            @Schema(description = "maxPoints − points; null without a value", nullable = true, examples = "1.13") BigDecimal pointsLost,
            @Schema(description = "The smallest number of the denominator's items that, counted in the numerator too, give full "
                    + "points (0 when it has them); null without a value", nullable = true, examples = "188") Long needed) {
    }
}
