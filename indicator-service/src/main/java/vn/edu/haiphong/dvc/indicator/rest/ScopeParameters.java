package vn.edu.haiphong.dvc.indicator.rest;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.service.UnitDirectory;

/**
 * Reads the period and unit of a query, with the contract's defaults, and refuses what cannot be used (400), within
 * the bounds of section 5 (r2): no reader request may cost more than a bounded amount of memory or database time.
 */
@ApplicationScoped
public class ScopeParameters {

    /** The earliest day a period may start on. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** A period ends before its start plus this many years. */
    public static final int MAX_YEARS = 10;
    /** The most buckets a series may have. */
    public static final int MAX_BUCKETS = 1_000;
    /** A drill-down's page size, and its last page. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_PAGE = 100_000;

    private final UnitDirectory units;

    public ScopeParameters(UnitDirectory units) {
        this.units = units;
    }

    /** from: 1 January of this year; to: today (on the department's clock); unit: every unit. */
    public Scope read(String from, String to, String unit) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = DepartmentTime.today(Clock.systemUTC());
        LocalDate start = date("from", from, LocalDate.of(today.getYear(), 1, 1), errors);
        LocalDate end = date("to", to, today, errors);
        if (start != null && start.isBefore(EARLIEST)) {
            errors.add(FieldError.of("from", "must not be before " + EARLIEST));
            start = null;
        }
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(FieldError.of("from", "must not be after to (" + end + ")"));
        } else if (start != null && end != null && !end.isBefore(start.plusYears(MAX_YEARS))) {
            errors.add(FieldError.of("to", "must be before from plus " + MAX_YEARS + " years (" + start.plusYears(MAX_YEARS) + ")"));
        }
        String scopeUnit = unit == null || unit.isBlank() ? null : unit;
        if (scopeUnit != null && !units.exists(scopeUnit)) {
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

    /** A whole number from min to max, or the fallback when absent; out of range or not a number: an error naming it. */
    public static int number(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as any number out of range
        }
        errors.add(FieldError.of(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }

    /** Four digits of year, as the contract writes dates: LocalDate.parse alone takes "+999999999-12-31". */
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static LocalDate date(String name, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            if (DATE.matcher(value).matches()) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(FieldError.of(name, "must be a date YYYY-MM-DD"));
        return null;
    }
}
