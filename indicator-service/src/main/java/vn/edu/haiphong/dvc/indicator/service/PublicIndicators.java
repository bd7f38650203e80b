package vn.edu.haiphong.dvc.indicator.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.IndicatorValue;
import vn.edu.haiphong.dvc.indicator.api.IndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.PublicIndicatorsResponse;
import vn.edu.haiphong.dvc.indicator.api.PublicIndicatorsResponse.PublicFigure;
import vn.edu.haiphong.dvc.indicator.api.PublicIndicatorsResponse.PublicUnit;
import vn.edu.haiphong.dvc.indicator.api.UnitDto;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;

/**
 * r2 (issue 20): the public's figures: the department's (each root of the tree) and each district's (the units directly
 * below a root) against the plan over a year to date, or one unit's for a school's widget. Served from the same cached
 * answers as /api/v1/indicators, stripped to counts.
 */
@ApplicationScoped
public class PublicIndicators {

    private final IndicatorService indicators;
    private final ReferenceCopies references;
    private final DataVersionRepository version;

    public PublicIndicators(IndicatorService indicators, ReferenceCopies references, DataVersionRepository version) {
        this.indicators = indicators;
        this.references = references;
        this.version = version;
    }

    /**
     * @param unit one unit (a widget's); null for the department and its districts
     * @param indicator one indicator; null for all
     */
    public PublicIndicatorsResponse figures(int year, LocalDate today, UnitDto unit, Indicator indicator) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        List<PublicUnit> units = new ArrayList<>();
        OffsetDateTime asOf = null;
        if (unit != null) {
            IndicatorsResponse all = indicators.all(new Scope(from, to, unit.code()));
            asOf = all.asOf();
            units.add(unit(unit, "UNIT", all, indicator));
        } else {
            for (UnitDto root : references.children(null)) {
                IndicatorsResponse all = indicators.all(new Scope(from, to, root.code()));
                asOf = all.asOf();
                units.add(unit(root, "DEPARTMENT", all, indicator));
                for (UnitDto district : references.children(root.code())) {
                    units.add(unit(district, "DISTRICT", indicators.all(new Scope(from, to, district.code())), indicator));
                }
            }
        }
        OffsetDateTime lastEventAt = version.eventsAt().map(t -> t.withOffsetSameInstant(DepartmentTime.OFFSET)).orElse(null);
        return new PublicIndicatorsResponse(year, from, to, asOf == null ? DepartmentTime.now(Clock.systemUTC()) : asOf,
                lastEventAt, units);
    }

    private static PublicUnit unit(UnitDto unit, String level, IndicatorsResponse all, Indicator only) {
        List<PublicFigure> figures = all.indicators().stream().filter(v -> only == null || only.id.equals(v.id()))
                .map(PublicIndicators::figure).toList();
        return new PublicUnit(unit.code(), unit.name(), unit.type(), level, figures);
    }

    private static PublicFigure figure(IndicatorValue v) {
        return new PublicFigure(v.id(), v.name(), v.numerator(), v.denominator(), v.value(), v.target(), v.met());
    }
}
