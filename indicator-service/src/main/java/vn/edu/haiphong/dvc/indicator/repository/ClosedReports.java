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

/** r2 (issue 20): closed plan reports ({@code closed_report}) and the dossier events counted after a time. */
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
     * The dossier events counted after {@code after} whose dossier is in the unit's scope (null: every unit) and which
     * happened before the end of {@code to} (department time), latest counted first.
     */
    public List<ClosedReportDto.LateEvent> lateEvents(OffsetDateTime after, LocalDate to, String unit, int limit) {
        Jdbc.Sql sql = late("select l.dossier_code, l.event_id, l.type, l.occurred_at, l.logged_at", after, to, unit)
                .add(" order by l.logged_at desc, l.event_id limit ?", limit);
        return jdbc.list(sql, rs -> new ClosedReportDto.LateEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)));
    }

    public long lateEventCount(OffsetDateTime after, LocalDate to, String unit) {
        return jdbc.number(late("select count(*)", after, to, unit));
    }

    private static Jdbc.Sql late(String select, OffsetDateTime after, LocalDate to, String unit) {
        Jdbc.Sql sql = new Jdbc.Sql();
        if (unit != null) {
            sql.add(IndicatorQueries.SCOPE_CTE, unit);
        }
        sql.add(select + " from dossier_event_log l join dossier_fact f on f.dossier_code = l.dossier_code"
                + " where l.logged_at > ? and l.occurred_at < ?", after, to.plusDays(1).atStartOfDay().atOffset(DepartmentTime.OFFSET));
        if (unit != null) {
            sql.add(" and f.unit_code in (select code from scope)");
        }
        return sql;
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getInt(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                rs.getObject(5, OffsetDateTime.class), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
