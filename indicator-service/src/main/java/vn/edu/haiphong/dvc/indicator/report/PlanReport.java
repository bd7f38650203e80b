package vn.edu.haiphong.dvc.indicator.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import vn.edu.haiphong.dvc.indicator.api.BreakdownResponse;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.PlanTaskDto;
import vn.edu.haiphong.dvc.indicator.api.ScorecardResponse;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;

/**
 * What the department reports to the city People's Committee for a year: each indicator of the plan over
 * the scope, with its target, whether it is met, and the same for each unit directly below the scope.
 *
 * @param unit the scope; null: every unit
 * @param tasks the plan's tasks first (none for a year without built-in tasks), with the indicators that measure them
 * @param planYear the year whose plan gives the targets (the year itself, or the latest earlier one); null: none
 * @param scorecard r2: the national scorecard (766, an estimate) over the same scope and period; null for a year before any
 *        definition
 */
public record PlanReport(int year, Integer planYear, LocalDate from, LocalDate to, UnitDto unit, OffsetDateTime asOf, List<Task> tasks,
        List<Line> lines, ScorecardResponse scorecard) {

    /** One task of the plan, with the values over the scope of the indicators that measure it. */
    public record Task(PlanTaskDto task, List<IndicatorValue> measures) {
    }

    /** One indicator: over the whole scope, then per child unit, ranked. */
    public record Line(Indicator indicator, IndicatorValue total, Long needed, List<BreakdownResponse.Row> units) {
    }
}
