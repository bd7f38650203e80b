package vn.edu.haiphong.dvc.indicator.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.SchoolWeeksResponse;
import vn.edu.haiphong.dvc.indicator.domain.SchoolWeeks;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.repository.OutreachWeekQueries;

/**
 * A unit's own weeks of a period (appendix row 13): each week {@link SchoolWeeks} gives, with the unit's own broadcasts
 * in it; and who may read them — a unit-reporter reads its own unit and the units below it only.
 */
@ApplicationScoped
public class SchoolWeeksService {

    private final OutreachWeekQueries queries;
    private final CalendarService calendars;
    /** The service has no clock of its own to inject; the tests read {@code asOf} from each answer instead. */
    private final Clock clock = Clock.systemUTC();

    public SchoolWeeksService(OutreachWeekQueries queries, CalendarService calendars) {
        this.queries = queries;
        this.calendars = calendars;
    }

    /**
     * Refuses (403, naming {@code unit}) a unit-reporter whose token names {@code ownUnit} (null: no unit claim) asking
     * for a unit that is neither that unit nor below it; an unknown unit is never below it.
     */
    public void requireReportersUnit(String ownUnit, String unit) {
        if (ownUnit == null || ownUnit.isBlank()) {
            throw ProblemException.forbidden(List.of(FieldError.of("unit",
                    "cannot be read: the token names no unit (claim 'unit'), and a unit-reporter reads its own unit only")));
        }
        if (!queries.within(unit, ownUnit)) {
            throw ProblemException.forbidden(List.of(FieldError.of("unit",
                    "'" + unit + "' is neither " + ownUnit + " nor a unit below it")));
        }
    }

    /** The weeks of the scope for its unit alone (the scope's unit is never null here). */
    public SchoolWeeksResponse weeks(Scope scope) {
        OutreachWeekQueries.Unit unit = queries.unit(scope.unit())
                .orElseThrow(() -> ProblemException.badParameters(List.of(FieldError.of("unit", "'" + scope.unit()
                        + "' is not a registered unit"))));
        OffsetDateTime asOf = DepartmentTime.now(clock);
        LocalDate today = asOf.toLocalDate();
        List<SchoolWeeks.Week> weeks = SchoolWeeks.of(scope.from(), scope.to(), today, calendars.schoolBreaks(scope.from(), scope.to()));
        Map<LocalDate, Long> aired = weeks.isEmpty() ? Map.of()
                : queries.broadcastsPerWeek(unit.code(), weeks.get(0).monday(), weeks.get(weeks.size() - 1).sunday());
        List<SchoolWeeksResponse.Week> shown = weeks.stream().map(w -> new SchoolWeeksResponse.Week(w.monday(), w.sunday(),
                w.schoolBreak() == null ? null : w.schoolBreak().name(), w.counts(), aired.getOrDefault(w.monday(), 0L))).toList();
        int counted = (int) shown.stream().filter(SchoolWeeksResponse.Week::counts).count();
        int missed = (int) shown.stream().filter(w -> w.counts() && w.broadcasts() == 0).count();
        return new SchoolWeeksResponse(new SchoolWeeksResponse.Unit(unit.code(), unit.name()), unit.broadcastSystem(), scope.from(),
                scope.to(), asOf, shown, counted, missed);
    }
}
