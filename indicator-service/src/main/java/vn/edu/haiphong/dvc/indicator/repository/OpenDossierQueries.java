package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

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
