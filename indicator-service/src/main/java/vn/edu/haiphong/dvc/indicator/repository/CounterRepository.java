package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import vn.edu.haiphong.dvc.indicator.domain.AdultApplication;
import vn.edu.haiphong.dvc.indicator.domain.ApplicantMonths;
import vn.edu.haiphong.dvc.indicator.domain.Contribution;
import vn.edu.haiphong.dvc.indicator.domain.Metric;

/**
 * Keeps the counters in step with the facts, inside the transaction that changes them: a fact's change is
 * the difference between what it contributed before and after, added to its unit, each unit above it and
 * '' (every unit), per day and per month. Distinct adult applicants are added when a dossier first makes
 * its applicant count, per month, quarter and year. A counter is the sum of its rows over the shards (migration V14):
 * each writer adds to its own shard's rows, so that instances do not queue on the rows every batch moves.
 */
@ApplicationScoped
public class CounterRepository {

    /** The unit code that stands for every unit. */
    public static final String EVERY_UNIT = "";
    /**
     * The shard of a writer that is not a consumer batch of dossier or payment events (reference data, plans, calendars,
     * the recount, a unit move). Any shard's rows count the same: a counter is the sum of its rows over the shards.
     */
    public static final short SHARED_SHARD = 0;

    /** One counter row. Sorted before writing, so that concurrent writers lock rows in the same order. */
    record Row(String unit, char period, LocalDate start, Metric metric, String procedure) {
        static final Comparator<Row> ORDER = Comparator.comparing(Row::unit).thenComparing(Row::period)
                .thenComparing(Row::start).thenComparing(r -> r.metric().code).thenComparing(Row::procedure);
    }

    private final AgroalDataSource dataSource;

    public CounterRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds the facts' changes to the counters.
     *
     * @param deltas what changed, per leaf contribution (negative for what a fact no longer contributes)
     * @param adults the dossiers that made their applicant count for the first time
     * @param shard the rows written: writers that run at the same time on different shards never wait on each other's
     *        counter rows (EventConsumer.shardOf)
     */
    public void add(Map<Contribution, Long> deltas, List<AdultApplication> adults, short shard) {
        Set<String> units = new HashSet<>();
        deltas.keySet().forEach(c -> units.add(c.unit()));
        adults.forEach(a -> units.add(a.unit()));
        if (units.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Map<String, List<String>> up = ancestors(c, units);
            Map<Row, Long> rows = new HashMap<>();
            deltas.forEach((k, n) -> {
                if (n != 0) {
                    for (String unit : up.get(k.unit())) {
                        rows.merge(new Row(unit, 'D', k.day(), k.metric(), k.procedure()), n, Long::sum);
                        rows.merge(new Row(unit, 'M', k.day().withDayOfMonth(1), k.metric(), k.procedure()), n, Long::sum);
                    }
                }
            });
            addApplicants(c, up, adults, rows);
            rows.values().removeIf(n -> n == 0);
            if (rows.isEmpty()) {
                return;
            }
            List<Row> keys = new ArrayList<>(rows.keySet());
            keys.sort(Row.ORDER);
            try (PreparedStatement s = c.prepareStatement("""
                    insert into indicator_count (unit_code, period, period_start, metric, procedure_code, shard, n)
                    select u, p, d, m, c, cast(? as smallint), n
                    from unnest(?::varchar[], ?::char[], ?::date[], ?::smallint[], ?::varchar[], ?::bigint[]) as k(u, p, d, m, c, n)
                    on conflict (unit_code, period, period_start, metric, procedure_code, shard) do update
                    set n = indicator_count.n + excluded.n""")) {
                s.setShort(1, shard);
                s.setArray(2, c.createArrayOf("varchar", keys.stream().map(Row::unit).toArray()));
                s.setArray(3, c.createArrayOf("char", keys.stream().map(r -> String.valueOf(r.period())).toArray()));
                s.setArray(4, c.createArrayOf("date", keys.stream().map(r -> java.sql.Date.valueOf(r.start())).toArray()));
                s.setArray(5, c.createArrayOf("int2", keys.stream().map(r -> r.metric().code).toArray()));
                s.setArray(6, c.createArrayOf("varchar", keys.stream().map(Row::procedure).toArray()));
                s.setArray(7, c.createArrayOf("int8", keys.stream().map(rows::get).toArray()));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Records each applicant's month per unit and year, and counts them where they are new: in the month,
     * the quarter and the year. The rows are created before they are locked, so that two instances never
     * both count one applicant.
     */
    private static void addApplicants(Connection c, Map<String, List<String>> up, List<AdultApplication> adults,
            Map<Row, Long> rows) throws SQLException {
        if (adults.isEmpty()) {
            return;
        }
        record Key(String unit, int year, String hash) {
        }
        Map<Key, Integer> months = new TreeMap<>(Comparator.comparing(Key::unit).thenComparing(Key::year).thenComparing(Key::hash));
        for (AdultApplication a : adults) {
            for (String unit : up.get(a.unit())) {
                months.merge(new Key(unit, a.day().getYear(), a.applicantHash()), ApplicantMonths.of(a.day()), (x, y) -> x | y);
            }
        }
        List<Key> keys = new ArrayList<>(months.keySet());
        Object[] units = keys.stream().map(Key::unit).toArray();
        Object[] years = keys.stream().map(Key::year).toArray();
        Object[] hashes = keys.stream().map(Key::hash).toArray();
        try (PreparedStatement s = c.prepareStatement("""
                insert into adult_applicant (unit_code, year, applicant_hash, months)
                select u, y, h, 0 from unnest(?::varchar[], ?::int[], ?::varchar[]) as k(u, y, h) on conflict do nothing""")) {
            s.setArray(1, c.createArrayOf("varchar", units));
            s.setArray(2, c.createArrayOf("int4", years));
            s.setArray(3, c.createArrayOf("varchar", hashes));
            s.executeUpdate();
        }
        Map<Key, Integer> before = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select a.unit_code, a.year, a.applicant_hash, a.months from adult_applicant a
                join unnest(?::varchar[], ?::int[], ?::varchar[]) with ordinality as k(u, y, h, i)
                    on a.unit_code = k.u and a.year = k.y and a.applicant_hash = k.h
                order by k.i for update of a""")) {
            s.setArray(1, c.createArrayOf("varchar", units));
            s.setArray(2, c.createArrayOf("int4", years));
            s.setArray(3, c.createArrayOf("varchar", hashes));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    before.put(new Key(rs.getString(1), rs.getInt(2), rs.getString(3)), rs.getInt(4));
                }
            }
        }
        List<Key> changed = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (Key k : keys) {
            int old = before.get(k);
            List<ApplicantMonths.Period> periods = ApplicantMonths.newlyCounted(k.year(), old, months.get(k));
            if (periods.isEmpty()) {
                continue;
            }
            changed.add(k);
            after.add(old | months.get(k));
            periods.forEach(p -> rows.merge(new Row(k.unit(), p.kind(), p.start(), Metric.ADULT_APPLICANTS, ""), 1L, Long::sum));
        }
        if (changed.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                update adult_applicant a set months = k.m from unnest(?::varchar[], ?::int[], ?::varchar[], ?::int[]) as k(u, y, h, m)
                where a.unit_code = k.u and a.year = k.y and a.applicant_hash = k.h""")) {
            s.setArray(1, c.createArrayOf("varchar", changed.stream().map(Key::unit).toArray()));
            s.setArray(2, c.createArrayOf("int4", changed.stream().map(Key::year).toArray()));
            s.setArray(3, c.createArrayOf("varchar", changed.stream().map(Key::hash).toArray()));
            s.setArray(4, c.createArrayOf("int4", after.toArray()));
            s.executeUpdate();
        }
    }

    /** Each unit with itself, every unit above it as the copy of the tree stands, and '' (every unit). */
    private static Map<String, List<String>> ancestors(Connection c, Collection<String> units) throws SQLException {
        Map<String, List<String>> up = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                with recursive up(unit_code, ancestor) as (
                    select u, u from unnest(?::varchar[]) as u
                    union
                    select up.unit_code, r.parent_code from up join unit_ref r on r.code = up.ancestor where r.parent_code is not null)
                select unit_code, ancestor from up""")) {
            s.setArray(1, c.createArrayOf("varchar", units.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    up.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        up.values().forEach(list -> list.add(EVERY_UNIT));
        return up;
    }

    /**
     * Takes the tree lock (dvc_lock_tree(), migration V4) for the rest of the transaction, before any other lock:
     * shared for a batch of events, exclusive for one that changes the unit tree.
     */
    public void lockTree(boolean exclusive) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select dvc_lock_tree(?)")) {
            s.setBoolean(1, exclusive);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Moves the counters of a unit that got another parent to the units now above it (dvc_move_unit(), migrations
     * V4 and V14, into shard 0): what it and the units below it count leaves the units above it that it left and reaches those it joined.
     * The unit's copy must already hold the new parent, and the tree lock must be held exclusively.
     */
    public void move(ReferenceCopies.ParentChange change) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select dvc_move_unit(?, ?)")) {
            s.setString(1, change.unit());
            s.setString(2, change.oldParent());
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the counters wait for a recount from the facts (V16: a rebuild emptied them and has not yet counted
     * them): batches then change the facts only. Stable for a transaction that holds the tree lock.
     */
    public boolean recountPending() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select recount_pending from counter_state where id = 1");
                ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Counts every counter again from the facts if they wait for it, and says they no longer do, in the caller's
     * transaction: takes the tree lock exclusively first.
     *
     * @return whether the counters were counted again (false: they did not wait for it, another writer did it first)
     */
    public boolean recountIfPending() {
        lockTree(true);
        if (!recountPending()) {
            return false;
        }
        recount();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update counter_state set recount_pending = false, pending_since = null where id = 1")) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /** Counts every counter again from the facts (dvc_recount(), defined by the migration). */
    public void recount() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("select dvc_recount()")) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
