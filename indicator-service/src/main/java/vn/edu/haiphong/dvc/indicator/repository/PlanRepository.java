package vn.edu.haiphong.dvc.indicator.repository;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The plans' targets per year ({@code plan}), stored as the JSON object of targets by indicator id. */
@ApplicationScoped
public class PlanRepository {

    /** A year's stored targets, as JSON. */
    public record StoredPlan(int year, String targets) {
    }

    private final Jdbc jdbc;

    public PlanRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan of the latest year up to {@code year} that has one. */
    public Optional<StoredPlan> latestUpTo(int year) {
        return jdbc.first("select year, targets from plan where year <= ? order by year desc limit 1",
                rs -> new StoredPlan(rs.getInt(1), rs.getString(2)), year);
    }

    /** Stores a year's targets. @return whether the year had no plan of its own before */
    public boolean put(int year, String targets, OffsetDateTime now) {
        int changed = jdbc.update("update plan set targets = ?, updated_at = ? where year = ?", targets, now, year);
        if (changed == 0) {
            jdbc.update("insert into plan (year, targets, updated_at) values (?, ?, ?)", year, targets, now);
        }
        return changed == 0;
    }
}
