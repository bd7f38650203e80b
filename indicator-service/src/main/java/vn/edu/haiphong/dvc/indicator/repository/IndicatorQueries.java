package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.domain.Count;
import vn.edu.haiphong.dvc.indicator.domain.Definition;
import vn.edu.haiphong.dvc.indicator.domain.FactDay;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Applicants;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Catalogue;
import vn.edu.haiphong.dvc.indicator.domain.Definition.InProcess;
import vn.edu.haiphong.dvc.indicator.domain.Definition.PaidDossiers;
import vn.edu.haiphong.dvc.indicator.domain.Definition.ProcedureReach;
import vn.edu.haiphong.dvc.indicator.domain.Definition.ProcedureShare;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Ratio;
import vn.edu.haiphong.dvc.indicator.domain.Definition.Subject;
import vn.edu.haiphong.dvc.indicator.domain.Definition.UnitOutreach;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.indicator.domain.Metric;
import vn.edu.haiphong.dvc.indicator.domain.ProcedureFlag;
import vn.edu.haiphong.dvc.indicator.domain.Scope;
import vn.edu.haiphong.dvc.indicator.domain.SchoolWeeks;
import vn.edu.haiphong.dvc.indicator.repository.Jdbc.Sql;

/**
 * Each indicator's {@link Definition} read from the database: the counts from the counters, the drill-downs from
 * the facts. "In the period" is the day of the metric that places a dossier or transaction in the denominator; "in
 * scope" is its unit being the scope unit or below it; flags count whenever their event arrived; procedure flags
 * come from the current catalogue. Nothing here decides what an indicator counts: the definitions do.
 */
@ApplicationScoped
public class IndicatorQueries {

    /** The scope unit and every unit below it (UNION stops on a cycle, should the copy ever hold one). */
    static final String SCOPE_CTE = """
            with recursive scope(code) as (
                select code from unit_ref where code = ?
                union
                select u.code from unit_ref u join scope s on u.parent_code = s.code)
            """;
    /** The additive metrics of a period, which the counters hold per day and month. */
    private static final String ADDITIVE = Metric.ADDITIVE.stream().filter(m -> m.day.periodic()).map(m -> String.valueOf(m.code))
            .collect(Collectors.joining(", ", "(", ")"));
    /** Open now, and late once its due has passed (not waiting, fewer than two requests): {@link Metric#OPEN_LATE_WHEN_DUE}'s rule. */
    private static final String LATE_WHEN_DUE_PASSES = "a.received_at is not null and a.ended_at is null and a.waiting_since is null"
            + " and a.supplement_requests < 2";
    /** Every catalogue flag of a counter row's procedure, in the order of {@link ProcedureFlag}. */
    private static final String FLAGS = Arrays.stream(ProcedureFlag.values()).map(f -> "coalesce(p." + f.column + ", false)")
            .collect(Collectors.joining(", "));

    /** One counter summed over a period: its metric, procedure ('' where not kept by procedure) and catalogue flags. */
    record CounterRow(Metric metric, String procedure, Set<ProcedureFlag> flags, long n) {

        boolean in(Metric m, ProcedureFlag procedures) {
            return metric == m && (procedures == null || flags.contains(procedures));
        }
    }

    private final Jdbc jdbc;
    private final CalendarRepository calendars;

    public IndicatorQueries(Jdbc jdbc, CalendarRepository calendars) {
        this.jdbc = jdbc;
        this.calendars = calendars;
    }

    /**
     * Every indicator over the scope, read from the counters: a year is twelve month rows per counter, and
     * any other period its whole months and the days at its edges. The catalogue is joined as it stands now.
     */
    public Map<Indicator, Count> countAll(Scope scope) {
        return countAll(scope, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** Every indicator over the scope, those that change with time alone (15, 23) as they stand at {@code now}. */
    public Map<Indicator, Count> countAll(Scope scope, OffsetDateTime now) {
        Sql sql = new Sql().add("select c.metric, c.procedure_code, " + FLAGS + ", c.n from (select metric, procedure_code, sum(n) as n"
                + " from indicator_count where unit_code = ? and metric in " + ADDITIVE + " and (", counterUnit(scope))
                .add(periodCondition(scope.from(), scope.to()))
                .add(") group by metric, procedure_code) c left join procedure_ref p on p.code = c.procedure_code");
        List<CounterRow> rows = jdbc.list(sql, rs -> counterRow(rs, 1));
        Map<Indicator, Count> counts = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Definition d = indicator.definition;
            if (d instanceof Ratio r) {
                counts.put(indicator, fromCounters(r, rows));
            } else if (d instanceof ProcedureShare s) {
                counts.put(indicator, fromCounters(s, rows));
            } else if (d instanceof ProcedureReach r) {
                counts.put(indicator, new Count(reached(r, rows), catalogue(r.procedures())));
            } else if (d instanceof PaidDossiers p) {
                counts.put(indicator, paidDossiers(p, scope));
            } else if (d instanceof Catalogue c) {
                counts.put(indicator, catalogue(c));
            } else if (d instanceof Applicants a) {
                counts.put(indicator, new Count(applicants(a, scope), adultPopulation(scope.unit())));
            } else if (d instanceof InProcess p) {
                counts.put(indicator, inProcess(p, scope, rows, CutOff.of(scope, now)));
            } else if (d instanceof UnitOutreach o) {
                counts.put(indicator, outreach(o, scope, now));
            } else {
                throw new IllegalStateException("No query for " + d);
            }
        }
        return counts;
    }

    /**
     * A period's cut-off: the end of its last day, or now when that is still to come. A past cut-off falls at 24:00,
     * where the counters of runs of days ({@link FactDay#CUT_OFF}) say who was open and late; the current one is read
     * from the stock of dossiers open now (by due day) and the clock.
     */
    record CutOff(LocalDate lastDay, OffsetDateTime now) {

        static CutOff of(Scope scope, OffsetDateTime now) {
            return new CutOff(scope.to(), now);
        }

        boolean current() {
            return !lastDay.isBefore(DepartmentTime.dayOf(now));
        }

        LocalDate today() {
            return DepartmentTime.dayOf(now);
        }

        /** Late at the cut-off, in SQL on dossier_fact (alias {@code a}), for a dossier that counts in the period. */
        Sql late() {
            if (!current()) {
                return new Sql().add("a.late_days @> ?::date", lastDay);
            }
            return new Sql().add("((a.ended_at is not null and a.late_final) or (a.ended_at is null and (a.supplement_requests >= 2"
                    + " or a.waiting_since > a.due_at or (a.waiting_since is null and a.due_at < ?))))", now);
        }

        /** Open at the cut-off, in SQL on dossier_fact (alias {@code a}). */
        Sql open() {
            return current() ? new Sql().add("(a.received_at is not null and a.ended_at is null)")
                    : new Sql().add("a.open_days @> ?::date", lastDay);
        }
    }

    /**
     * Dossiers in process at the period's cut-off. The ended ones from the counters by end day (with those whose
     * lateness is not settled at their end read from their runs of late days); the open ones, for a past cut-off,
     * as the running sum of the runs-of-days counters up to its day, and for the current one from the stock of open
     * dossiers by due day: late whatever the clock, or late because their due day has passed, or due today and past
     * due by now (the only part read from the facts, one day's dues by index).
     */
    private Count inProcess(InProcess p, Scope scope, List<CounterRow> rows, CutOff cut) {
        long denominator = 0;
        long numerator = 0;
        for (CounterRow row : rows) {
            if (row.metric() == p.ended()) {
                denominator += row.n();
            }
            if (row.metric() == p.endedNumerator()) {
                numerator += row.n();
            }
        }
        numerator += jdbc.number(scoped(scope, new Sql().add("select count(*) from dossier_fact a where not a.settled_at_end"
                + " and a.received_at is not null and a.end_day between ? and ?", scope.from(), scope.to())
                .add(unitFilter(scope, "a")).add(" and not ").add(cut.late()).add(" and " + p.ratingSql())));
        if (p.openToo()) {
            String unit = counterUnit(scope);
            long open;
            long late;
            if (cut.current()) {
                Map<Metric, Long> stock = sumUpTo(unit, List.of(Metric.OPEN_NOW, Metric.OPEN_LATE_ANYWAY), LocalDate.of(9999, 12, 31));
                open = stock.getOrDefault(Metric.OPEN_NOW, 0L);
                late = stock.getOrDefault(Metric.OPEN_LATE_ANYWAY, 0L)
                        + sumUpTo(unit, List.of(Metric.OPEN_LATE_WHEN_DUE), cut.today().minusDays(1)).getOrDefault(Metric.OPEN_LATE_WHEN_DUE, 0L)
                        + jdbc.number(scoped(scope, new Sql().add("select count(*) from dossier_fact a where " + LATE_WHEN_DUE_PASSES
                                + " and a.due_at >= ? and a.due_at < ?", cut.today().atStartOfDay().atOffset(DepartmentTime.OFFSET), cut.now())
                                .add(unitFilter(scope, "a"))));
            } else {
                Map<Metric, Long> atCutOff = sumUpTo(unit, List.of(Metric.OPEN_AT_CUT_OFF, Metric.OPEN_LATE_AT_CUT_OFF), cut.lastDay());
                open = atCutOff.getOrDefault(Metric.OPEN_AT_CUT_OFF, 0L);
                late = atCutOff.getOrDefault(Metric.OPEN_LATE_AT_CUT_OFF, 0L);
            }
            denominator += open;
            numerator += open - late;
        }
        return new Count(numerator, denominator);
    }

    /** Each metric's counters of a unit summed over every day up to {@code last}: its months before last's, and that month's days. */
    private Map<Metric, Long> sumUpTo(String unit, List<Metric> metrics, LocalDate last) {
        LocalDate month = last.withDayOfMonth(1);
        String codes = metrics.stream().map(m -> String.valueOf(m.code)).collect(Collectors.joining(", ", "(", ")"));
        Map<Metric, Long> sums = new EnumMap<>(Metric.class);
        jdbc.list(new Sql().add("select metric, coalesce(sum(n), 0) from indicator_count where unit_code = ? and metric in " + codes
                + " and ((period = 'M' and period_start < ?) or (period = 'D' and period_start >= ? and period_start <= ?)) group by metric",
                unit, month, month, last), rs -> sums.put(Metric.of(rs.getInt(1)), rs.getLong(2)));
        return sums;
    }

    /**
     * r2: units that did outreach of their own: the units in scope the definition names, and those of them with an
     * event of their own in the period, or in each of its weeks. No week, no unit counted: 0 of 0.
     */
    private Count outreach(UnitOutreach o, Scope scope, OffsetDateTime now) {
        Optional<List<LocalDate>> weeks = weeksOf(o, scope, now);
        if (weeks.isPresent() && weeks.get().isEmpty()) {
            return new Count(0, 0L);
        }
        Sql sql = new Sql().add("select count(*) filter (where ").add(outreachDone(o, scope, weeks)).add("), count(*) ")
                .add(outreachUnits(o, scope));
        return jdbc.list(scoped(scope, sql), rs -> new Count(rs.getLong(1), rs.getLong(2))).get(0);
    }

    /** The weeks of the period ({@link SchoolWeeks}) when the definition counts weeks; empty (no Optional) when it does not. */
    public Optional<List<LocalDate>> weeksOf(UnitOutreach o, Scope scope, OffsetDateTime now) {
        if (!o.everyWeek()) {
            return Optional.empty();
        }
        return Optional.of(SchoolWeeks.counted(scope.from(), scope.to(), DepartmentTime.dayOf(now),
                calendars.schoolBreaks(scope.from().getYear(), scope.to().getYear())));
    }

    /** {@code from unit_ref u where ...}: the units in scope that an outreach indicator is over. */
    private static Sql outreachUnits(UnitOutreach o, Scope scope) {
        return new Sql().add("from unit_ref u where " + o.units().sql).add(scope.unit() == null ? "" : " and u.code in (select code from scope)");
    }

    /** A unit of the denominator counts in the numerator: an event of its own in the period, or in every week of it. */
    private static Sql outreachDone(UnitOutreach o, Scope scope, Optional<List<LocalDate>> weeks) {
        if (weeks.isPresent()) {
            return new Sql().add("(select count(distinct o.week) from outreach_fact o where o.unit_code = u.code and o.type = ?"
                    + " and o.week = any(cast(? as date[]))) = ?", o.event().name(), dateArray(weeks.get()), weeks.get().size());
        }
        return new Sql().add("exists (select 1 from outreach_fact o where o.unit_code = u.code and o.type = ? and o.day between ? and ?)",
                o.event().name(), scope.from(), scope.to());
    }

    /**
     * Each unit's weeks of the period without an event of its own of the definition's kind (16's gap): the weeks
     * minus the weeks it aired in, in order.
     */
    public Map<String, List<LocalDate>> missedWeeks(UnitOutreach o, List<String> units, List<LocalDate> weeks) {
        Map<String, Set<LocalDate>> done = new HashMap<>();
        if (!units.isEmpty() && !weeks.isEmpty()) {
            jdbc.list(new Sql().add("select distinct o.unit_code, o.week from outreach_fact o where o.unit_code = any(cast(? as varchar[]))"
                    + " and o.type = ? and o.week = any(cast(? as date[]))", textArray(units), o.event().name(), dateArray(weeks)),
                    rs -> done.computeIfAbsent(rs.getString(1), u -> new HashSet<>()).add(rs.getObject(2, LocalDate.class)));
        }
        Map<String, List<LocalDate>> missed = new HashMap<>();
        for (String unit : units) {
            Set<LocalDate> aired = done.getOrDefault(unit, Set.of());
            missed.put(unit, weeks.stream().filter(w -> !aired.contains(w)).toList());
        }
        return missed;
    }

    private static String dateArray(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).collect(Collectors.joining(",", "{", "}"));
    }

    /** A PostgreSQL array literal of codes, each quoted (codes are 1-64 characters of any kind). */
    static String textArray(List<String> codes) {
        return codes.stream().map(c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * The earliest instant after {@code now} at which a figure of the scope can change with no event: the next due to
     * pass among the open dossiers that are late once it passes, or the next midnight (a new day moves the cut-off);
     * what an answer computed now stays right until.
     */
    public OffsetDateTime nextChange(Scope scope, OffsetDateTime now) {
        OffsetDateTime midnight = DepartmentTime.dayOf(now).plusDays(1).atStartOfDay().atOffset(DepartmentTime.OFFSET);
        List<OffsetDateTime> due = jdbc.list(scoped(scope, new Sql().add("select min(a.due_at) from dossier_fact a where "
                + LATE_WHEN_DUE_PASSES + " and a.due_at >= ? and a.due_at < ?", now, midnight).add(unitFilter(scope, "a"))),
                rs -> rs.getObject(1, OffsetDateTime.class));
        return due.isEmpty() || due.get(0) == null ? midnight : due.get(0);
    }

    private static CounterRow counterRow(ResultSet rs, int first) throws SQLException {
        Set<ProcedureFlag> flags = EnumSet.noneOf(ProcedureFlag.class);
        ProcedureFlag[] all = ProcedureFlag.values();
        for (int i = 0; i < all.length; i++) {
            if (rs.getBoolean(first + 2 + i)) {
                flags.add(all[i]);
            }
        }
        return new CounterRow(Metric.of(rs.getInt(first)), rs.getString(first + 1), flags, rs.getLong(first + 2 + all.length));
    }

    /** A ratio from counter rows: the sums of its two metrics, over the procedures its catalogue condition keeps. */
    static Count fromCounters(Ratio ratio, List<CounterRow> rows) {
        long numerator = 0;
        long denominator = 0;
        for (CounterRow row : rows) {
            if (row.in(ratio.numerator(), ratio.procedures())) {
                numerator += row.n();
            }
            if (row.in(ratio.denominator(), ratio.procedures())) {
                denominator += row.n();
            }
        }
        return new Count(numerator, denominator);
    }

    /** A share of procedures from counter rows: those counted in the denominator's metric, and those of them in the numerator's. */
    static Count fromCounters(ProcedureShare share, List<CounterRow> rows) {
        Set<String> denominator = new HashSet<>();
        Set<String> numerator = new HashSet<>();
        for (CounterRow row : rows) {
            if (row.n() > 0 && row.in(share.denominator(), share.procedures())) {
                denominator.add(row.procedure());
            }
            if (row.n() > 0 && row.metric() == share.numerator()) {
                numerator.add(row.procedure());
            }
        }
        numerator.retainAll(denominator);
        return new Count(numerator.size(), (long) denominator.size());
    }

    /** The procedures with the flag that have a counter of the metric above zero in the period and scope. */
    static long reached(ProcedureReach reach, List<CounterRow> rows) {
        Set<String> procedures = new HashSet<>();
        for (CounterRow row : rows) {
            if (row.n() > 0 && row.in(reach.metric(), reach.procedures())) {
                procedures.add(row.procedure());
            }
        }
        return procedures.size();
    }

    /** The procedures of the current catalogue with the flag, whatever the period and scope. */
    private long catalogue(ProcedureFlag flag) {
        return jdbc.number(new Sql().add("select count(*) from procedure_ref where " + flag.column));
    }

    /** Distinct dossiers of the period's transactions in scope, by the payments index: those in the denominator, and of them those in the numerator. */
    private Count paidDossiers(PaidDossiers p, Scope scope) {
        Sql sql = new Sql().add("select count(*) filter (where x.num), count(*) from (select bool_or(" + p.numerator().sql + ") as num ")
                .add(paymentsOf(p, scope)).add(" group by a.dossier_code) x");
        return jdbc.list(scoped(scope, sql), rs -> new Count(rs.getLong(1), rs.getLong(2))).get(0);
    }

    /** {@code from payment_fact a where ...}: the transactions of the denominator in the period and scope. */
    private static Sql paymentsOf(PaidDossiers p, Scope scope) {
        Metric den = p.denominator();
        return new Sql().add("from " + den.kind().table + " a where a." + den.day.column + " between ? and ? and (" + den.sql + ")",
                scope.from(), scope.to()).add(unitFilter(scope, "a"));
    }

    private static String counterUnit(Scope scope) {
        return scope.unit() == null ? CounterRepository.EVERY_UNIT : scope.unit();
    }

    /** A run of whole periods of one kind: [from, until). */
    record Part(char period, LocalDate from, LocalDate until) {
    }

    /** [from, to] as whole months and the days at its edges: the fewest counter rows that add up to it. */
    static List<Part> parts(LocalDate from, LocalDate to) {
        List<Part> parts = new ArrayList<>();
        LocalDate end = to.plusDays(1);
        LocalDate day = from;
        while (day.isBefore(end)) {
            char period;
            LocalDate next;
            if (day.getDayOfMonth() == 1 && !day.plusMonths(1).isAfter(end)) {
                period = 'M';
                next = day.plusMonths(1);
            } else {
                period = 'D';
                LocalDate monthEnd = day.withDayOfMonth(1).plusMonths(1);
                next = monthEnd.isBefore(end) ? monthEnd : end;
            }
            Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (last != null && last.period() == period && last.until().equals(day)) {
                parts.set(parts.size() - 1, new Part(period, last.from(), next));
            } else {
                parts.add(new Part(period, day, next));
            }
            day = next;
        }
        return parts;
    }

    /** The condition on period and period_start that selects the counter rows of [from, to], one range per part of {@link #parts}. */
    private static Sql periodCondition(LocalDate from, LocalDate to) {
        Sql condition = new Sql();
        List<Part> parts = parts(from, to);
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            condition.add((i == 0 ? "" : " or ") + "(period = '" + part.period() + "' and period_start >= ? and period_start < ?)",
                    part.from(), part.until());
        }
        return condition;
    }

    /**
     * The distinct applicants of a scope. Exact from the counters when the period is a month, a quarter or a year,
     * or holds all of such a period's applications (a year to date, say); otherwise counted from the facts.
     */
    private long applicants(Applicants applicants, Scope scope) {
        String unit = counterUnit(scope);
        LocalDate from = scope.from();
        LocalDate to = scope.to();
        if (from.getYear() == to.getYear()) {
            String period;
            LocalDate start;
            LocalDate end;
            if (from.getMonth() == to.getMonth()) {
                period = "M";
                start = from.withDayOfMonth(1);
                end = start.plusMonths(1).minusDays(1);
            } else if (from.get(IsoFields.QUARTER_OF_YEAR) == to.get(IsoFields.QUARTER_OF_YEAR)) {
                period = "Q";
                start = from.with(IsoFields.DAY_OF_QUARTER, 1);
                end = start.plusMonths(3).minusDays(1);
            } else {
                period = "Y";
                start = from.withDayOfYear(1);
                end = start.plusYears(1).minusDays(1);
            }
            long outside = jdbc.number(new Sql().add("""
                    select coalesce(sum(n), 0) from indicator_count where unit_code = ? and period = 'D' and metric = ?
                    and (period_start between ? and ? or period_start between ? and ?)""",
                    unit, applicants.dossiers().code, start, from.minusDays(1), to.plusDays(1), end));
            if (outside == 0) {
                return jdbc.number(new Sql().add("""
                        select coalesce(sum(n), 0) from indicator_count where unit_code = ? and period = ?
                        and period_start = ? and metric = ? and procedure_code = ''""", unit, period, start, applicants.distinct().code));
            }
        }
        return jdbc.number(scoped(scope, new Sql().add("select count(distinct a.applicant_hash) ").add(dossiersOf(applicants, scope))));
    }

    /** The dossiers that count their applicants: {@code from dossier_fact a where ...} in the period and scope. */
    private static Sql dossiersOf(Applicants applicants, Scope scope) {
        Metric m = applicants.dossiers();
        return new Sql().add("from " + m.kind().table + " a where a." + m.day.column + " between ? and ? and (" + m.sql + ")",
                scope.from(), scope.to()).add(unitFilter(scope, "a"));
    }

    /**
     * A ratio indicator's counts per calendar bucket (day, week from Monday, month, quarter) of the scope's
     * period, in one query over the day counters; empty when the indicator is not a ratio.
     *
     * @param unit {@code day}, {@code week}, {@code month} or {@code quarter}
     * @return counts by the bucket's first calendar day; buckets without rows are absent
     */
    public Optional<Map<LocalDate, Count>> ratioByBucket(Indicator indicator, Scope scope, String unit) {
        if (!(indicator.definition instanceof Ratio ratio)) {
            return Optional.empty();
        }
        Sql sql = new Sql().add("select c.b, c.metric, c.procedure_code, " + FLAGS + ", c.n from (select cast(date_trunc('" + unit
                + "', period_start) as date) as b, metric, procedure_code, sum(n) as n from indicator_count where unit_code = ?"
                + " and period = 'D' and period_start between ? and ? and metric in (?, ?) group by 1, 2, 3) c"
                + " left join procedure_ref p on p.code = c.procedure_code",
                counterUnit(scope), scope.from(), scope.to(), ratio.numerator().code, ratio.denominator().code);
        record BucketRow(LocalDate bucket, CounterRow row) {
        }
        Map<LocalDate, List<CounterRow>> byBucket = new HashMap<>();
        for (BucketRow r : jdbc.list(sql, rs -> new BucketRow(rs.getObject(1, LocalDate.class), counterRow(rs, 2)))) {
            byBucket.computeIfAbsent(r.bucket(), b -> new ArrayList<>()).add(r.row());
        }
        Map<LocalDate, Count> counts = new HashMap<>();
        byBucket.forEach((start, rows) -> counts.put(start, fromCounters(ratio, rows)));
        return Optional.of(counts);
    }

    private Count catalogue(Catalogue c) {
        return jdbc.list("select count(*) filter (where " + c.denominator().column + " and " + c.numerator().column
                + "), count(*) filter (where " + c.denominator().column + ") from procedure_ref",
                rs -> new Count(rs.getLong(1), rs.getLong(2))).get(0);
    }

    /** The scope unit's adult population; for every unit, the sum over the roots; null when unset. */
    public Long adultPopulation(String unit) {
        Jdbc.Row<Long> population = rs -> rs.getObject(1) == null ? null : rs.getLong(1);
        return unit == null
                ? jdbc.list("select sum(adult_population) from unit_ref where parent_code is null", population).get(0)
                : jdbc.list("select max(adult_population) from unit_ref where code = ?", population, unit).get(0);
    }

    /**
     * The rows behind a number: those of the numerator, of the denominator, or of the gap between them, ordered by
     * code unless the query sorts them, filtered by procedure and unit when it asks, each with what its subject carries
     * ({@link DrillRows}), read in one statement with the page's joins.
     *
     * @return one page of rows ({@code limit} from {@code offset}) and the total of the filtered set
     */
    public Page drillDown(Indicator indicator, Scope scope, DrillSet set, DrillRows.Query query, long offset, int limit) {
        Sql select;
        String order;
        boolean scoped = true;
        Definition d = indicator.definition;
        if (d instanceof Ratio r) {
            Metric den = r.denominator();
            String join = r.procedures() == null ? "" : " join procedure_ref p on p.code = a.procedure_code";
            String catalogue = r.procedures() == null ? "" : " and p." + r.procedures().column;
            select = new Sql().add("select " + den.kind().codes + " from " + den.kind().table + " a" + join + " where a."
                    + den.day.column + " between ? and ?", scope.from(), scope.to()).add(unitFilter(scope, "a"))
                    .add(" and " + set.predicate("(" + den.sql + ")" + catalogue, "(" + r.numerator().sql + ")" + catalogue));
            order = den.kind().codes;
        } else if (d instanceof ProcedureShare s) {
            Metric den = s.denominator();
            Metric num = s.numerator();
            select = new Sql().add("select f.code from (select distinct a.procedure_code as code from " + den.kind().table
                    + " a join procedure_ref p on p.code = a.procedure_code where p." + s.procedures().column + " and a."
                    + den.day.column + " between ? and ? and (" + den.sql + ")", scope.from(), scope.to())
                    .add(unitFilter(scope, "a"))
                    .add(") f where ");
            // The numerator: a fact of the numerator's metric for the procedure, in the period and scope.
            Sql paid = new Sql().add("exists (select 1 from " + num.kind().table + " a where a.procedure_code = f.code and a."
                    + num.day.column + " between ? and ? and (" + num.sql + ")", scope.from(), scope.to())
                    .add(unitFilter(scope, "a")).add(")");
            switch (set) {
                case NUMERATOR -> select.add(paid);
                case DENOMINATOR -> select.add("true");
                case GAP -> select.add("not ").add(paid);
            }
            order = "f.code";
        } else if (d instanceof ProcedureReach r) {
            Metric m = r.metric();
            // The numerator: a fact of the metric for the procedure in the period and scope; the denominator: the catalogue.
            Sql reached = new Sql().add("exists (select 1 from " + m.kind().table + " a where a.procedure_code = p.code and a."
                    + m.day.column + " between ? and ? and (" + m.sql + ")", scope.from(), scope.to()).add(unitFilter(scope, "a")).add(")");
            select = new Sql().add("select p.code from procedure_ref p where p." + r.procedures().column);
            switch (set) {
                case NUMERATOR -> select.add(" and ").add(reached);
                case DENOMINATOR -> select.add("");
                case GAP -> select.add(" and not ").add(reached);
            }
            order = "p.code";
        } else if (d instanceof PaidDossiers p) {
            // With the dossier's payments of the period, which place it there (a dossier may be known from them alone).
            select = new Sql().add("select a.dossier_code, min(a.paid_at) as paid_at, string_agg(distinct a.method, ', ') as method,"
                    + " min(a.procedure_code) as procedure_code, min(a.unit_code) as unit_code ").add(paymentsOf(p, scope))
                    .add(" group by a.dossier_code");
            switch (set) {
                case NUMERATOR -> select.add(" having bool_or(" + p.numerator().sql + ")");
                case DENOMINATOR -> select.add("");
                case GAP -> select.add(" having not bool_or(" + p.numerator().sql + ")");
            }
            order = "a.dossier_code";
        } else if (d instanceof Catalogue c) {
            select = new Sql().add("select p.code from procedure_ref p where "
                    + set.predicate(c.denominator().column, c.denominator().column + " and " + c.numerator().column));
            order = "p.code";
            scoped = false;
        } else if (d instanceof InProcess p) {
            CutOff cut = CutOff.of(scope, OffsetDateTime.now(ZoneOffset.UTC));
            Sql counted = new Sql().add("a.received_at is not null and (a.end_day between ? and ?", scope.from(), scope.to());
            if (p.openToo()) {
                counted.add(" or ").add(cut.open());
            }
            counted.add(")");
            Sql good = new Sql().add("not ").add(cut.late()).add(" and " + p.ratingSql());
            select = new Sql().add("select a.dossier_code from dossier_fact a where ").add(counted).add(unitFilter(scope, "a"));
            switch (set) {
                case NUMERATOR -> select.add(" and ").add(good);
                case DENOMINATOR -> select.add("");
                case GAP -> select.add(" and not (").add(good).add(")");
            }
            order = "a.dossier_code";
        } else if (d instanceof UnitOutreach o) {
            Optional<List<LocalDate>> weeks = weeksOf(o, scope, OffsetDateTime.now(ZoneOffset.UTC));
            if (weeks.isPresent() && weeks.get().isEmpty()) {
                // No week in the period: the indicator counts no unit, and lists none.
                return new Page(0, List.of());
            }
            select = new Sql().add("select u.code ").add(outreachUnits(o, scope));
            switch (set) {
                case NUMERATOR -> select.add(" and ").add(outreachDone(o, scope, weeks));
                case DENOMINATOR -> select.add("");
                case GAP -> select.add(" and not (").add(outreachDone(o, scope, weeks)).add(")");
            }
            order = "u.code";
        } else if (d instanceof Applicants a) {
            // Applicants are people: what can be shown are the dossiers that made them count.
            select = new Sql().add("select a.dossier_code ").add(dossiersOf(a, scope));
            order = "a.dossier_code";
        } else {
            throw new IllegalStateException("No drill-down for " + d);
        }
        Subject subject = indicator.subject == Subject.APPLICANT ? Subject.DOSSIER : indicator.subject;
        boolean paid = d instanceof PaidDossiers;
        Sql count;
        Sql rows;
        if (query.plain()) {
            // The codes' order and no filter: the page is cut from the codes alone, and only its rows are joined.
            count = new Sql().add("select count(*) from (").add(select).add(") x");
            Sql codes = new Sql().add(select).add(" order by " + order + " limit ? offset ?", limit, offset);
            rows = new Sql().add("select r.* from (").add(DrillRows.enriched(subject, codes, paid)).add(") r order by "
                    + DrillRows.order(subject, query));
        } else {
            Sql filtered = new Sql().add("from (").add(DrillRows.enriched(subject, select, paid)).add(") r").add(DrillRows.where(query));
            count = new Sql().add("select count(*) ").add(filtered);
            rows = new Sql().add("select r.* ").add(filtered).add(" order by " + DrillRows.order(subject, query) + " limit ? offset ?",
                    limit, offset);
        }
        long total = jdbc.number(scoped ? scoped(scope, count) : count);
        List<DrillRows.Row> items = total == 0 || limit == 0 ? List.of() : jdbc.list(scoped ? scoped(scope, rows) : rows, DrillRows::row);
        return new Page(total, items);
    }

    public record Page(long total, List<DrillRows.Row> items) {
    }

    /** Which rows of an indicator a drill-down lists. */
    public enum DrillSet {
        NUMERATOR, DENOMINATOR, GAP;

        String predicate(String denominator, String numerator) {
            return switch (this) {
                case NUMERATOR -> "(" + numerator + ")";
                case DENOMINATOR -> "(" + denominator + ")";
                case GAP -> "(" + denominator + ") and not (" + numerator + ")";
            };
        }
    }

    /** The statement preceded by the scope's unit tree, when the scope is a unit (its {@code ?} first). */
    private static Sql scoped(Scope scope, Sql sql) {
        return scope.unit() == null ? sql : new Sql().add(SCOPE_CTE, scope.unit()).add(sql);
    }

    private static String unitFilter(Scope scope, String alias) {
        return scope.unit() == null ? "" : " and " + alias + ".unit_code in (select code from scope)";
    }
}
