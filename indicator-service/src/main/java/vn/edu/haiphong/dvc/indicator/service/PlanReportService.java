package vn.edu.haiphong.dvc.indicator.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.PlanDto;
import vn.edu.haiphong.dvc.indicator.api.PlanTaskDto;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.domain.TargetGap;
import vn.edu.haiphong.dvc.indicator.report.PlanReport;
import vn.edu.haiphong.dvc.indicator.scorecard.ScorecardService;

/**
 * The report to the city: a year's indicators over a scope, the ranking of the units below it, and (r2) the year's national
 * scorecard over the same scope and period.
 */
@ApplicationScoped
public class PlanReportService {

    private final IndicatorService indicators;
    private final PlanService plans;
    private final PlanTaskService tasks;
    private final ScorecardService scorecards;

    public PlanReportService(IndicatorService indicators, PlanService plans, PlanTaskService tasks, ScorecardService scorecards) {
        this.indicators = indicators;
        this.plans = plans;
        this.tasks = tasks;
        this.scorecards = scorecards;
    }

    /**
     * The year from 1 January to 31 December, or to today for this year.
     *
     * @param unit the scope (already known to exist); null for every unit
     */
    public PlanReport report(int year, UnitDto unit) {
        Scope scope = PlanTaskService.year(year, unit == null ? null : unit.code());
        IndicatorsResponse all = indicators.all(scope);
        List<PlanReport.Line> lines = new ArrayList<>();
        for (IndicatorValue value : all.indicators()) {
            Indicator indicator = Indicator.byId(value.id()).orElseThrow();
            lines.add(new PlanReport.Line(indicator, value,
                    TargetGap.needed(value.numerator(), value.denominator(), value.target()),
                    indicators.breakdown(indicator, scope).units()));
        }
        Map<String, IndicatorValue> byId = new HashMap<>();
        all.indicators().forEach(v -> byId.put(v.id(), v));
        List<PlanReport.Task> taskLines = new ArrayList<>();
        for (PlanTaskDto task : tasks.tasks(year, all)) {
            taskLines.add(new PlanReport.Task(task, task.indicators().stream().map(byId::get).filter(Objects::nonNull).toList()));
        }
        Integer planYear = plans.plan(year).map(PlanDto::planYear).orElse(null);
        return new PlanReport(year, planYear, scope.from(), scope.to(), unit, all.asOf(), taskLines, lines,
                scorecards.find(scope).orElse(null));
    }
}
