package vn.edu.haiphong.dvc.indicator.repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** r2 (issue 20): the alert feed ({@code alert}) and the last reading of each condition ({@code alert_state}). */
@ApplicationScoped
public class Alerts {

    /** An alert as stored. */
    public record Row(long id, OffsetDateTime raisedAt, String unit, String unitName, String type, String subject, BigDecimal value,
            BigDecimal target, LocalDate from, LocalDate to) {
    }

    /** A condition: a unit, TARGET or OVERDUE, and an indicator's id or "overdue". */
    public record Condition(String unit, String kind, String subject) {
    }

    private static final String COLUMNS = "id, raised_at, unit_code, unit_name, type, subject, value, target, period_from, period_to";

    private final Jdbc jdbc;

    public Alerts(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** In the checking transaction: only one instance checks at a time; the others skip this round. */
    public boolean lockForChecking() {
        return jdbc.list("select pg_try_advisory_xact_lock(7660020)", rs -> rs.getBoolean(1)).get(0);
    }

    /** Every condition's last reading: whether it was alerting. */
    public Map<Condition, Boolean> states() {
        Map<Condition, Boolean> states = new HashMap<>();
        jdbc.list("select unit_code, kind, subject, alerting from alert_state", rs -> {
            states.put(new Condition(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getBoolean(4));
            return null;
        });
        return states;
    }

    public void state(Condition c, boolean alerting, OffsetDateTime now) {
        jdbc.update("insert into alert_state (unit_code, kind, subject, alerting, since) values (?, ?, ?, ?, ?)"
                + " on conflict (unit_code, kind, subject) do update set alerting = excluded.alerting, since = excluded.since",
                c.unit(), c.kind(), c.subject(), alerting, now);
    }

    public void raise(String unit, String unitName, String type, String subject, BigDecimal value, BigDecimal target, LocalDate from,
            LocalDate to) {
        jdbc.update("insert into alert (unit_code, unit_name, type, subject, value, target, period_from, period_to)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", unit, unitName, type, subject, value, target, from, to);
    }

    /** Newest first, after an id (0: from the start), of a unit (null: every unit), at most limit. */
    public List<Row> feed(String unit, long after, int limit) {
        return unit == null
                ? jdbc.list("select " + COLUMNS + " from alert where id > ? order by id desc limit ?", Alerts::row, after, limit)
                : jdbc.list("select " + COLUMNS + " from alert where unit_code = ? and id > ? order by id desc limit ?", Alerts::row, unit,
                        after, limit);
    }

    /** In a transaction: the oldest alerts the webhook has not had, locked against the other instances. */
    public List<Row> undelivered(int limit) {
        return jdbc.list("select " + COLUMNS + " from alert where delivered_at is null order by id limit ? for update skip locked",
                Alerts::row, limit);
    }

    public void delivered(long id, OffsetDateTime at) {
        jdbc.update("update alert set delivered_at = ?, attempts = attempts + 1, last_error = null where id = ?", at, id);
    }

    public void failed(long id, String error) {
        jdbc.update("update alert set attempts = attempts + 1, last_error = ? where id = ?", error, id);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getObject(9, LocalDate.class), rs.getObject(10, LocalDate.class));
    }
}
