package vn.edu.haiphong.dvc.indicator.repository;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/** What admins report of a plan's tasks ({@code plan_task_report}): the latest report per year and task. */
@ApplicationScoped
public class PlanTaskReports {

    /** A stored report; {@code evidence} as its JSON array. */
    public record Stored(int number, String status, String note, String evidence) {
    }

    private final Jdbc jdbc;

    public PlanTaskReports(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A year's reports by task number. */
    public Map<Integer, Stored> of(int year) {
        return jdbc.list("select number, status, note, evidence from plan_task_report where year = ?",
                rs -> new Stored(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)), year)
                .stream().collect(Collectors.toMap(Stored::number, s -> s));
    }

    /** Replaces a task's report: the same report twice leaves the same row. */
    public void put(int year, Stored report, OffsetDateTime now) {
        jdbc.update("insert into plan_task_report (year, number, status, note, evidence, updated_at) values (?, ?, ?, ?, ?, ?)"
                + " on conflict (year, number) do update set status = excluded.status, note = excluded.note,"
                + " evidence = excluded.evidence, updated_at = excluded.updated_at",
                year, report.number(), report.status(), report.note(), report.evidence(), now);
    }
}
