package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;

/** One unit of one counter that a fact holds: its metric, on a day, for its unit (and procedure, or ''). */
public record Contribution(String unit, Metric metric, LocalDate day, String procedure) {

    public static Contribution of(String unit, Metric metric, LocalDate day, String procedure) {
        return new Contribution(unit, metric, day, metric.byProcedure ? procedure : "");
    }
}
