package vn.edu.haiphong.dvc.indicator.rest;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.service.IndicatorService;

/** Reads the period and unit of a query, with the contract's defaults, and refuses what cannot be used (400). */
@ApplicationScoped
public class ScopeParameters {

    private final IndicatorService indicators;

    public ScopeParameters(IndicatorService indicators) {
        this.indicators = indicators;
    }

    /** from: 1 January of this year; to: today (on the department's clock); unit: every unit. */
    public Scope read(String from, String to, String unit) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        LocalDate start = date("from", from, LocalDate.of(today.getYear(), 1, 1), errors);
        LocalDate end = date("to", to, today, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(FieldError.of("from", "must not be after to (" + end + ")"));
        }
        String scopeUnit = unit == null || unit.isBlank() ? null : unit;
        if (scopeUnit != null && !indicators.unitExists(scopeUnit)) {
            errors.add(FieldError.of("unit", "'" + scopeUnit + "' is not a registered unit"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
        return new Scope(start, end, scopeUnit);
    }

    public static Indicator indicator(String id) {
        return Indicator.byId(id).orElseThrow(() -> ProblemException.notFound("No indicator '" + id + "'; the indicators are "
                + String.join(", ", java.util.Arrays.stream(Indicator.values()).map(i -> i.id).toList())));
    }

    private static LocalDate date(String name, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(name, "must be a date YYYY-MM-DD"));
            return null;
        }
    }
}
