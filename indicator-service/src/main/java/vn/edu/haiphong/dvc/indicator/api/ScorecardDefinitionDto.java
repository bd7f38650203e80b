package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * r2: a year's definition of the national scorecard (Decision 766/QĐ-TTg, CONTRACT section 10): its groups, the criteria
 * computed here from an indicator, and those that are not, with the data they would need. {@code PUT}'s body is the same
 * without {@code year} and {@code definitionYear}.
 */
@Schema(name = "ScorecardDefinition")
public record ScorecardDefinitionDto(
        @Schema(description = "The year asked for (ignored in a PUT body)", nullable = true, examples = "2025") Integer year,
        @Schema(description = "The year whose definition applies: the year itself, or the latest earlier year with one (ignored in "
                + "a PUT body)", nullable = true, examples = "2024") Integer definitionYear,
        @Schema(description = "1-64 characters", examples = "766-2024.1") String version,
        @Schema(description = "The groups, in the order the scorecard shows them") List<Group> groups,
        @Schema(description = "The criteria computed here, each from one indicator") List<Criterion> criteria,
        @Schema(description = "The criteria (or groups) not computed here, with the data each would need") List<NotComputed> notComputed) {

    @Schema(name = "ScorecardDefinitionGroup")
    public record Group(
            @Schema(description = "Unique in the definition", examples = "4") String id,
            @Schema(description = "Its name, in Vietnamese and English") IndicatorValue.Label name,
            @Schema(description = "Its points in the scorecard (> 0): at least the points of its criteria and its not-computed items",
                    examples = "10") BigDecimal maxPoints) {
    }

    @Schema(name = "ScorecardDefinitionCriterion")
    public record Criterion(
            @Schema(description = "Unique in the definition; its group is the part before the first dot", examples = "4.3") String id,
            @Schema(description = "The id of the indicator it scores", examples = "dossiers-paid-online") String indicator,
            @Schema(description = "Its points (> 0)", examples = "6") BigDecimal maxPoints,
            @Schema(description = "The value (a percentage, > 0 and <= 100) from which it scores all its points", examples = "100")
            BigDecimal fullAt) {
    }

    @Schema(name = "ScorecardNotComputed")
    public record NotComputed(
            @Schema(description = "A criterion, a range of criteria or a whole group; its group is the part before the first '.' or "
                    + "'-'", examples = "5.3-5.6") String id,
            IndicatorValue.Label name,
            @Schema(description = "Its points (> 0)", examples = "10") BigDecimal maxPoints,
            @Schema(description = "The data it would need, which this system does not receive") IndicatorValue.Label dataNeeded) {
    }
}
