package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.domain.Metric;
import vn.edu.haiphong.dvc.indicator.domain.OpenState;
import vn.edu.haiphong.dvc.indicator.repository.Jdbc.Sql;

/**
 * The dossiers open now ({@code received_at} set, {@code ended_at} not: the partial index {@code dossier_fact_open_due_idx}),
 * each in its state (CONTRACT section 7), read from the facts: a page in due order, or counts per state, never every
 * dossier into memory.
 */
@ApplicationScoped
public class OpenDossierQueries {

    /** The instant and the day bound the states are decided at. */
    public record Cut(OffsetDateTime now, LocalDate dueSoonBefore) {
    }

    /** One open dossier. {@code dueAt} and {@code dueDay} are null only for a fact that never had a due. */
    public record OpenDossier(String dossierCode, OpenState state, String procedureCode, String procedureName, String unitCode,
            String unitName, OffsetDateTime receivedAt, OffsetDateTime dueAt, LocalDate dueDay, int supplementRequests) {
    }

    /**
     * The state of an open dossier of alias {@code f}, in the contract's order; parameters: now, then the first due day
     * beyond the due-soon window. A due never set (no fact has one once received, but the column allows it) is on track.
     */
    static final String STATE = """
            case when f.waiting_since is not null then 'waiting'
                 when f.due_at < ? then 'overdue'
                 when f.due_day < ? then 'due-soon'
                 else 'on-track' end""";
    static final String OPEN = "f.received_at is not null and f.ended_at is null";

    /** The scope unit and every unit below it: the indicators' scope ({@link IndicatorQueries#SCOPE_CTE}). */
    private static final String SCOPE_CTE = IndicatorQueries.SCOPE_CTE;

    /** The key of the scope's own counts in {@link #summaryCounts}, which no unit code can be (codes are 1-64 characters). */
    public static final String SCOPE = "";

    private final Jdbc jdbc;

    public OpenDossierQueries(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The open dossiers of the scope (in state, when given), oldest due first, then by code. */
    public List<OpenDossier> page(String unit, OpenState state, Cut cut, long offset, int limit) {
        Sql sql = scoped(unit).add("select * from (").add(open(unit, cut)).add(") s");
        if (state != null) {
            sql.add(" where s.state = ?", state.id);
        }
        sql.add(" order by s.due_at, s.dossier_code limit ? offset ?", limit, offset);
        return jdbc.list(sql, OpenDossierQueries::row);
    }

    public long count(String unit, OpenState state, Cut cut) {
        Sql sql = scoped(unit).add("select count(*) from (").add(open(unit, cut)).add(") s");
        if (state != null) {
            sql.add(" where s.state = ?", state.id);
        }
        return jdbc.number(sql);
    }

    /** The count per state in the scope (every state, 0 where none). */
    public Map<OpenState, Long> counts(String unit, Cut cut) {
        Sql sql = scoped(unit).add("select f.state, count(*) from (select ").add(STATE, cut.now(), cut.dueSoonBefore())
                .add(" as state from dossier_fact f where ").add(OPEN).add(unitFilter(unit)).add(") f group by f.state");
        Map<OpenState, Long> counts = zero();
        for (Map.Entry<OpenState, Long> e : jdbc.list(sql, rs -> Map.entry(state(rs.getString(1)), rs.getLong(2)))) {
            counts.put(e.getKey(), e.getValue());
        }
        return counts;
    }

    /**
     * The count per state for each unit directly below {@code parent} (each root when null), each over its own subtree;
     * units with no open dossier are absent.
     */
    public Map<String, Map<OpenState, Long>> countsByChild(String parent, Cut cut) {
        Sql sql = new Sql().add("with recursive sub(code, top) as (select code, code from unit_ref where ")
                .add(parent == null ? "parent_code is null" : "parent_code = ?", parent == null ? new Object[0] : new Object[] { parent })
                .add(" union all select u.code, s.top from unit_ref u join sub s on u.parent_code = s.code)")
                .add(" select s.top, f.state, count(*) from (select f.unit_code, ").add(STATE, cut.now(), cut.dueSoonBefore())
                .add(" as state from dossier_fact f where ").add(OPEN)
                .add(") f join sub s on s.code = f.unit_code group by s.top, f.state");
        Map<String, Map<OpenState, Long>> counts = new HashMap<>();
        jdbc.list(sql, rs -> {
            counts.computeIfAbsent(rs.getString(1), u -> zero()).put(state(rs.getString(2)), rs.getLong(3));
            return null;
        });
        return counts;
    }

    /**
     * The summary's counts per state, for the scope (key {@code scopeKey}) and each unit directly below {@code parent}
     * (each root when null), each over its own subtree, read in one statement (one snapshot) mostly from the counters of
     * open dossiers by due day ({@link Metric#OPEN_NOW}, {@link Metric#OPEN_WAITING}): waiting whatever the due; overdue
     * when the due day is before today, due-soon when it is after today and before the window's end, on track from there
     * on. Only the dossiers due today are read from the facts (by the partial index on due_at), since the instant of
     * their due decides between overdue and the rest, and those with no due at all (the column allows it). Rows of
     * units without open dossiers are absent. The same states as {@link #STATE}, which {@link #counts} counts from the
     * facts themselves.
     */
    public Map<String, Map<OpenState, Long>> summaryCounts(String parent, List<String> children, Cut cut) {
        LocalDate today = DepartmentTime.dayOf(cut.now());
        if (!cut.dueSoonBefore().isAfter(today)) {
            throw new IllegalArgumentException("The due-soon window ends after today: " + cut);
        }
        OffsetDateTime startOfToday = today.atStartOfDay().atOffset(DepartmentTime.OFFSET);
        LocalDate month = today.withDayOfMonth(1);
        String scopeKey = parent == null ? CounterRepository.EVERY_UNIT : parent;
        List<String> counterUnits = new ArrayList<>(children);
        counterUnits.add(scopeKey);
        Sql sql = new Sql().add("with recursive sub(code, top) as (select code, code from unit_ref where ")
                .add(parent == null ? "parent_code is null" : "parent_code = ?", parent == null ? new Object[0] : new Object[] { parent })
                .add(" union all select u.code, s.top from unit_ref u join sub s on u.parent_code = s.code),")
                // The counters: period 'M' rows for every due day, 'D' rows from this month's first day to the window's end.
                .add(" c as (select unit_code, metric, coalesce(sum(n) filter (where period = 'M'), 0) as total,"
                        + " coalesce(sum(n) filter (where (period = 'M' and period_start < ?) or (period = 'D' and period_start < ?)), 0) as before,"
                        + " coalesce(sum(n) filter (where period = 'D' and period_start = ?), 0) as due_today,"
                        + " coalesce(sum(n) filter (where period = 'D' and period_start > ? and period_start < ?), 0) as soon"
                        // The metric codes as literals: they match the partial index of these rows (V15) in any plan.
                        + " from indicator_count where unit_code = any(cast(? as varchar[])) and metric in (" + Metric.OPEN_NOW.code
                        + ", " + Metric.OPEN_WAITING.code + ")"
                        + " and (period = 'M' or (period = 'D' and period_start >= ? and period_start < ?))"
                        + " group by unit_code, metric),", month, today, today, today, cut.dueSoonBefore(),
                        IndicatorQueries.textArray(counterUnits), month,
                        cut.dueSoonBefore())
                // The facts: open, and due today before now and not waiting, or with no due.
                .add(" t as (select f.unit_code, count(*) filter (where f.due_at is not null) as overdue_today,"
                        + " count(*) filter (where f.due_at is null and f.waiting_since is not null) as waiting_no_due,"
                        + " count(*) filter (where f.due_at is null and f.waiting_since is null) as on_track_no_due"
                        + " from dossier_fact f where ").add(OPEN)
                .add(" and ((f.due_at >= ? and f.due_at < ? and f.waiting_since is null) or f.due_at is null) group by f.unit_code)",
                        startOfToday, cut.now())
                .add(" select 0, unit_code, metric, total, before, due_today, soon from c")
                .add(" union all select 1, s.top, 0, sum(t.overdue_today), sum(t.waiting_no_due), sum(t.on_track_no_due), 0"
                        + " from t join sub s on s.code = t.unit_code group by s.top")
                .add(" union all select 1, ?, 0, coalesce(sum(t.overdue_today), 0), coalesce(sum(t.waiting_no_due), 0),"
                        + " coalesce(sum(t.on_track_no_due), 0), 0 from t", scopeKey)
                .add(parent == null ? "" : " where t.unit_code = ? or t.unit_code in (select code from sub)",
                        parent == null ? new Object[0] : new Object[] { parent });
        Map<String, long[]> open = new HashMap<>();
        Map<String, long[]> waiting = new HashMap<>();
        Map<String, long[]> facts = new HashMap<>();
        jdbc.list(sql, rs -> {
            long[] sums = { rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7) };
            Map<String, long[]> into = rs.getInt(1) == 1 ? facts : rs.getInt(3) == Metric.OPEN_NOW.code ? open : waiting;
            into.put(rs.getString(2), sums);
            return null;
        });
        Map<String, Map<OpenState, Long>> counts = new HashMap<>();
        Set<String> units = new HashSet<>(open.keySet());
        units.addAll(waiting.keySet());
        units.addAll(facts.keySet());
        long[] none = new long[4];
        for (String unit : units) {
            long[] all = open.getOrDefault(unit, none);
            long[] w = waiting.getOrDefault(unit, none);
            long[] f = facts.getOrDefault(unit, none);
            // Not waiting, by due day: all of them, before today, today, after today within the window.
            long total = all[0] - w[0];
            long before = all[1] - w[1];
            long dueToday = all[2] - w[2];
            long soon = all[3] - w[3];
            long overdueToday = f[0];
            Map<OpenState, Long> c = zero();
            c.put(OpenState.WAITING, w[0] + f[1]);
            c.put(OpenState.OVERDUE, before + overdueToday);
            c.put(OpenState.DUE_SOON, dueToday - overdueToday + soon);
            c.put(OpenState.ON_TRACK, total - before - dueToday - soon + f[2]);
            if (c.values().stream().anyMatch(n -> n != 0)) {
                counts.put(unit.equals(scopeKey) ? SCOPE : unit, c);
            }
        }
        return counts;
    }

    /**
     * The first instant after {@code now} at which an open dossier's state changes with no event (the next due to pass
     * among those not waiting), or the next midnight (a new day moves every window), whichever comes first: what a count
     * of states made at {@code now} stays right until, exclusive.
     */
    public OffsetDateTime nextChange(OffsetDateTime now) {
        OffsetDateTime midnight = DepartmentTime.dayOf(now).plusDays(1).atStartOfDay().atOffset(DepartmentTime.OFFSET);
        OffsetDateTime due = jdbc.list(new Sql().add("select min(f.due_at) from dossier_fact f where ").add(OPEN)
                .add(" and f.waiting_since is null and f.due_at >= ? and f.due_at < ?", now, midnight),
                rs -> rs.getObject(1, OffsetDateTime.class)).get(0);
        return due == null ? midnight : due;
    }

    static Map<OpenState, Long> zero() {
        Map<OpenState, Long> counts = new EnumMap<>(OpenState.class);
        for (OpenState s : OpenState.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    private static Sql open(String unit, Cut cut) {
        return new Sql().add("select f.dossier_code, ").add(STATE, cut.now(), cut.dueSoonBefore())
                .add(" as state, f.procedure_code, p.name as procedure_name, f.unit_code, u.name as unit_name, f.received_at,"
                        + " f.due_at, f.due_day, f.supplement_requests"
                        + " from dossier_fact f left join procedure_ref p on p.code = f.procedure_code"
                        + " left join unit_ref u on u.code = f.unit_code where ")
                .add(OPEN).add(unitFilter(unit));
    }

    private static Sql scoped(String unit) {
        return unit == null ? new Sql() : new Sql().add(SCOPE_CTE, unit);
    }

    private static String unitFilter(String unit) {
        return unit == null ? "" : " and f.unit_code in (select code from scope)";
    }

    private static OpenState state(String id) {
        return OpenState.byId(id).orElseThrow(() -> new IllegalStateException("Not a state: " + id));
    }

    private static OpenDossier row(ResultSet rs) throws SQLException {
        return new OpenDossier(rs.getString("dossier_code"), state(rs.getString("state")), rs.getString("procedure_code"),
                rs.getString("procedure_name"), rs.getString("unit_code"), rs.getString("unit_name"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
                rs.getObject("due_day", LocalDate.class), rs.getInt("supplement_requests"));
    }
}
