package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.indicator.api.ClosedReportDto;

/** r2 (issue 20): closed plan reports ({@code closed_report}) and the dossier and payment events counted after a time. */
@ApplicationScoped
public class ClosedReports {

    /** A closed report as stored; unit '' for every unit. */
    public record Stored(int year, String unit, LocalDate from, LocalDate to, OffsetDateTime closedAt, String closedBy, String figures,
            String filenames) {
    }

    private static final String COLUMNS = "year, unit_code, period_from, period_to, closed_at, closed_by, figures::text, filenames::text";

    private final Jdbc jdbc;

    public ClosedReports(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores it unless the year and unit are closed already (the first closing stands): whether it was stored. Closed at
     * the database's time, the clock that stamps each counted event ({@code dossier_event_log.logged_at}), so that "counted
     * after the closing" never depends on two machines' clocks agreeing.
     */
    public boolean insert(Stored report, byte[] xlsx, byte[] csv, byte[] pdf) {
        return jdbc.update("insert into closed_report (year, unit_code, period_from, period_to, closed_at, closed_by, figures, xlsx, csv,"
                + " pdf, filenames) values (?, ?, ?, ?, now(), ?, ?::jsonb, ?, ?, ?, ?::jsonb) on conflict (year, unit_code) do nothing",
                report.year(), report.unit(), report.from(), report.to(), report.closedBy(), report.figures(), xlsx, csv,
                pdf, report.filenames()) == 1;
    }

    public Optional<Stored> find(int year, String unit) {
        return jdbc.first("select " + COLUMNS + " from closed_report where year = ? and unit_code = ?", ClosedReports::stored, year, unit);
    }

    /** Every closed report of a year (null: of every year), latest year first, then by unit. */
    public List<Stored> list(Integer year) {
        return year == null
                ? jdbc.list("select " + COLUMNS + " from closed_report order by year desc, unit_code", ClosedReports::stored)
                : jdbc.list("select " + COLUMNS + " from closed_report where year = ? order by unit_code", ClosedReports::stored, year);
    }

    /** One file as it was sent; format one of xlsx, csv, pdf (a column name, never from the caller). */
    public Optional<byte[]> file(int year, String unit, String format) {
        if (!List.of("xlsx", "csv", "pdf").contains(format)) {
            throw new IllegalArgumentException(format);
        }
        return jdbc.first("select " + format + " from closed_report where year = ? and unit_code = ?", rs -> rs.getBytes(1), year, unit);
    }

    /**
     * The events counted after {@code after} that can move a figure of the report: the dossier events of dossiers in the
     * unit's scope (null: every unit) which happened before the end of {@code to} (department time), and the payment
     * events of transactions in that scope which happened before then or whose transaction was paid by {@code to} (a
     * refund after the year's end still takes its payment out of the year). Latest counted first.
     */
    public List<ClosedReportDto.LateEvent> lateEvents(OffsetDateTime after, LocalDate to, String unit, int limit) {
        Jdbc.Sql sql = late("select dossier_code, transaction_id, event_id, type, occurred_at, logged_at", after, to, unit)
                .add(" order by logged_at desc, event_id limit ?", limit);
        return jdbc.list(sql, rs -> new ClosedReportDto.LateEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class)));
    }

    public long lateEventCount(OffsetDateTime after, LocalDate to, String unit) {
        return jdbc.number(late("select count(*)", after, to, unit));
    }

    private static Jdbc.Sql late(String select, OffsetDateTime after, LocalDate to, String unit) {
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(DepartmentTime.OFFSET);
        String inScope = unit == null ? "" : " and f.unit_code in (select code from scope)";
        Jdbc.Sql sql = new Jdbc.Sql();
        if (unit != null) {
            sql.add(IndicatorQueries.SCOPE_CTE, unit);
        }
        return sql.add(select + " from ("
                + "select l.dossier_code, cast(null as varchar) as transaction_id, l.event_id, l.type, l.occurred_at, l.logged_at"
                + " from dossier_event_log l join dossier_fact f on f.dossier_code = l.dossier_code"
                + " where l.logged_at > ? and l.occurred_at < ?" + inScope, after, end)
                .add(" union all select f.dossier_code, l.transaction_id, l.event_id, l.type, l.occurred_at, l.logged_at"
                        + " from payment_event_log l join payment_fact f on f.transaction_id = l.transaction_id"
                        + " where l.logged_at > ? and (l.occurred_at < ? or f.paid_day <= ?)" + inScope + ") late", after, end, to);
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
