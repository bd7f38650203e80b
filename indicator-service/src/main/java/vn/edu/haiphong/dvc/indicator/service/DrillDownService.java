package vn.edu.haiphong.dvc.indicator.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.DrillDownResponse;
import vn.edu.haiphong.dvc.indicator.domain.Definition;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Applicants;
import vn.edu.haiphong.dvc.indicator.domain.Definition.InProcess;
import vn.edu.haiphong.dvc.indicator.domain.Definition.PaidDossiers;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Ratio;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Subject;
import vn.edu.haiphong.dvc.indicator.domain.Definition.UnitOutreach;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Processing;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.domain.WorkingCalendar;
import vn.edu.haiphong.dvc.indicator.repository.DrillRows;
import vn.edu.haiphong.dvc.indicator.repository.DrillRows.Row;
import vn.edu.haiphong.dvc.indicator.repository.IndicatorQueries;
import vn.edu.haiphong.dvc.indicator.repository.IndicatorQueries.DrillSet;

/**
 * The drill-downs: the rows behind a number, a page at a time or whole as a file, each with what a clerk needs to act.
 * Which rows there are is the indicator's definition ({@link IndicatorQueries#drillDown}); whether a dossier was late at
 * the period's cut-off is {@link Processing#lateAt}, the rule indicators 15 and 23 count with, and its working days
 * late the calendar's ({@link WorkingCalendar}), so that a row never tells another story than the number.
 */
@ApplicationScoped
public class DrillDownService {

    /** The most rows an export carries; beyond it the export is refused (413), never cut silently. */
    public static final int EXPORT_LIMIT = 100_000;

    /** A whole drill-down for a file: the page's answer with every row, and the subject's rows as the API serves them. */
    public record Export(DrillDownResponse drill, OffsetDateTime asOf) {
    }

    private final IndicatorQueries queries;
    private final CalendarService calendars;
    private final Clock clock = Clock.systemUTC();

    public DrillDownService(IndicatorQueries queries, CalendarService calendars) {
        this.queries = queries;
        this.calendars = calendars;
    }

    /** Checks that the query's sort and filters apply to the indicator's rows: a 400 naming each that does not. */
    public static void check(Indicator indicator, DrillRows.Query query) {
        Subject subject = subject(indicator);
        List<FieldError> errors = new ArrayList<>();
        if (query.sort() != null && !query.sort().appliesTo(subject)) {
            errors.add(FieldError.of("sort", "'" + query.sort().id + "' does not apply to the " + subject.name().toLowerCase()
                    + " rows of " + indicator.id + ": one of " + String.join(", ", DrillRows.Sort.ids(subject))
                    + ", optionally preceded by '-'"));
        }
        if (query.procedure() != null && (subject == Subject.UNIT)) {
            errors.add(FieldError.of("procedure", indicator.id + " lists units, which have no procedure"));
        }
        if (query.unitCode() != null && subject == Subject.PROCEDURE) {
            errors.add(FieldError.of("unitCode", indicator.id + " lists procedures of the catalogue, which have no unit"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badParameters(errors);
        }
    }

    public DrillDownResponse page(Indicator indicator, Scope scope, DrillSet set, DrillRows.Query query, int page, int size) {
        refuseApplicantsDenominator(indicator, set);
        check(indicator, query);
        OffsetDateTime now = DepartmentTime.now(clock);
        IndicatorQueries.Page result = queries.drillDown(indicator, scope, set, query, (long) page * size, size);
        return response(indicator, scope, set, query, page, size, result, now);
    }

    /** Every row of the set (sorted and filtered as asked), at most {@link #EXPORT_LIMIT}: beyond, a 413 that says how many. */
    public Export export(Indicator indicator, Scope scope, DrillSet set, DrillRows.Query query) {
        refuseApplicantsDenominator(indicator, set);
        check(indicator, query);
        OffsetDateTime now = DepartmentTime.now(clock);
        // Counted first (a page of none), so that a set too large is refused before any of its rows is read.
        long total = queries.drillDown(indicator, scope, set, query, 0, 0).total();
        if (total > EXPORT_LIMIT) {
            throw ProblemException.tooLarge("The list has " + total + " rows: an export carries at most " + EXPORT_LIMIT
                    + "; choose a shorter period, a unit, a procedure or a unitCode");
        }
        IndicatorQueries.Page result = queries.drillDown(indicator, scope, set, query, 0, EXPORT_LIMIT);
        return new Export(response(indicator, scope, set, query, 0, EXPORT_LIMIT, result, now), now);
    }

    private static void refuseApplicantsDenominator(Indicator indicator, DrillSet set) {
        if (indicator == Indicator.ADULT_ONLINE_USERS && set != DrillSet.NUMERATOR) {
            throw ProblemException.badParameters(List.of(FieldError.of("set", "adult-online-users has a population as its "
                    + "denominator: only the numerator's dossiers can be listed")));
        }
    }

    private DrillDownResponse response(Indicator indicator, Scope scope, DrillSet set, DrillRows.Query query, int page, int size,
            IndicatorQueries.Page result, OffsetDateTime now) {
        Subject subject = subject(indicator);
        OffsetDateTime endOfTo = Processing.cutOff(scope.to());
        boolean current = !endOfTo.isBefore(now);
        OffsetDateTime cut = current ? now : endOfTo;
        LocalDate cutDay = current ? DepartmentTime.dayOf(now) : scope.to();
        WorkingCalendar days = subject == Subject.DOSSIER ? calendars.workingDays() : null;
        Map<String, List<LocalDate>> missed = missedWeeks(indicator, scope, set, result, now);
        List<DrillDownResponse.Item> items = result.items().stream().map(r -> switch (subject) {
            case PROCEDURE -> new DrillDownResponse.Item(null, null, r.procedureCode(), null, null, r.procedureName(), null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null);
            case UNIT -> new DrillDownResponse.Item(null, null, null, r.unitCode(), missed.get(r.unitCode()), null, r.unitName(), null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            case TRANSACTION -> new DrillDownResponse.Item(r.dossierCode(), r.transactionId(), r.procedureCode(), r.unitCode(), null,
                    r.procedureName(), r.unitName(), null, null, null, null, null, null, null, null, r.channel(), null, local(r.paidAt()),
                    r.method(), r.amount(), null, null);
            default -> dossier(r, cut, cutDay, days);
        }).toList();
        return new DrillDownResponse(indicator.id, scope.from(), scope.to(), scope.unit(), set.name().toLowerCase(), subject.name(),
                page, size, result.total(), items, periodBy(indicator.definition), cut.withOffsetSameInstant(DepartmentTime.OFFSET),
                query.sort() == null ? null : (query.descending() ? "-" : "") + query.sort().id, query.procedure(), query.unitCode());
    }

    /**
     * A dossier's row. Late: the contract's rule at the cut-off, for a dossier received by then. Working days late: from
     * its due at the cut-off to the day it ended (when that is by the cut-off) or to the cut-off's day.
     */
    private static DrillDownResponse.Item dossier(Row r, OffsetDateTime cut, LocalDate cutDay, WorkingCalendar days) {
        Boolean late = null;
        Long workingDaysLate = null;
        if (r.receivedAt() != null && !r.receivedAt().isAfter(cut)) {
            Processing processing = new Processing(r.steps(), r.endedAt());
            late = processing.lateAt(cut);
            if (late) {
                OffsetDateTime due = processing.dueAt(cut);
                LocalDate last = processing.endedBy(cut) ? DepartmentTime.dayOf(r.endedAt()) : cutDay;
                workingDaysLate = due == null ? null : days.workingDaysBetween(DepartmentTime.dayOf(due), last);
            }
        }
        return new DrillDownResponse.Item(r.dossierCode(), null, r.procedureCode(), r.unitCode(), null, r.procedureName(), r.unitName(),
                local(r.submittedAt()), local(r.receivedAt()), local(r.dueAt()), local(r.resultIssuedAt()), local(r.withdrawnAt()),
                local(r.endedAt()), local(r.ratedAt()), r.rating(), r.channel(), r.fullyOnline(), local(r.paidAt()), r.method(), null,
                late, workingDaysLate);
    }

    /** r2: for the gap of an indicator that counts weeks (16), each listed unit's weeks without an event of its own. */
    private Map<String, List<LocalDate>> missedWeeks(Indicator indicator, Scope scope, DrillSet set, IndicatorQueries.Page page,
            OffsetDateTime now) {
        if (set != DrillSet.GAP || !(indicator.definition instanceof UnitOutreach o) || !o.everyWeek()) {
            return Map.of();
        }
        List<LocalDate> weeks = queries.weeksOf(o, scope, now).orElseThrow();
        return queries.missedWeeks(o, page.items().stream().map(Row::unitCode).toList(), weeks);
    }

    /** Applicants are listed through the dossiers that made them count. */
    static Subject subject(Indicator indicator) {
        return indicator.subject == Subject.APPLICANT ? Subject.DOSSIER : indicator.subject;
    }

    /** The item field whose day places a row in the period, from the definition. */
    static String periodBy(Definition d) {
        if (d instanceof Ratio r) {
            return switch (r.denominator().day) {
                case SUBMITTED -> "submittedAt";
                case RECEIVED -> "receivedAt";
                case RESULT -> "resultIssuedAt";
                case RATING -> "ratedAt";
                case PAID -> "paidAt";
                case ENDED -> "endedAt";
                default -> null;
            };
        }
        if (d instanceof Applicants) {
            return "submittedAt";
        }
        if (d instanceof PaidDossiers) {
            return "paidAt";
        }
        if (d instanceof InProcess) {
            return "endedAt";
        }
        return null;
    }

    private static OffsetDateTime local(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(DepartmentTime.OFFSET);
    }
}
