package vn.edu.haiphong.dvc.indicator.service;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.PlanDto;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.domain.TargetGap;
import vn.edu.haiphong.dvc.indicator.report.PlanReport;

/** The report to the city: a year's indicators over a scope, and the ranking of the units below it. */
@ApplicationScoped
public class PlanReportService {

    private final IndicatorService indicators;
    private final PlanService plans;

    public PlanReportService(IndicatorService indicators, PlanService plans) {
        this.indicators = indicators;
        this.plans = plans;
    }

    /**
     * The year from 1 January to 31 December, or to today for this year.
     *
     * @param unit the scope (already known to exist); null for every unit
     */
    public PlanReport report(int year, UnitDto unit) {
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        LocalDate end = LocalDate.of(year, 12, 31);
        Scope scope = new Scope(LocalDate.of(year, 1, 1), end.isAfter(today) ? today : end, unit == null ? null : unit.code());
        IndicatorsResponse all = indicators.all(scope);
        List<PlanReport.Line> lines = new ArrayList<>();
        for (IndicatorValue value : all.indicators()) {
            Indicator indicator = Indicator.byId(value.id()).orElseThrow();
            lines.add(new PlanReport.Line(indicator, value,
                    TargetGap.needed(value.numerator(), value.denominator(), value.target()),
                    indicators.breakdown(indicator, scope).units()));
        }
        Integer planYear = plans.plan(year).map(PlanDto::planYear).orElse(null);
        return new PlanReport(year, planYear, scope.from(), scope.to(), unit, all.asOf(), lines);
    }
}
