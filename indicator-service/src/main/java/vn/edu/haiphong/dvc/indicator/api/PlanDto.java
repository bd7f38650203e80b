package vn.edu.haiphong.dvc.indicator.api;

import java.math.BigDecimal;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Plan", description = "The targets of a year: indicator id -> percentage, null for no target.")
public record PlanDto(
        @Schema(examples = "2024") Integer year,
        @Schema(description = "The year whose plan applies: the year itself, or the latest earlier year with a plan",
                examples = "2024") Integer planYear,
        Map<String, BigDecimal> targets) {
}
