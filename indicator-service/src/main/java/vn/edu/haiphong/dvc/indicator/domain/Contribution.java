package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;

/**
 * What a fact adds to one counter: its metric, on a day, for its unit (and procedure, or ''), {@code weight} times
 * (1; or, for the metrics of runs of days, +1 where a run starts and -1 where it stops).
 */
public record Contribution(String unit, Metric metric, LocalDate day, String procedure, int weight) {

    public static Contribution of(String unit, Metric metric, LocalDate day, String procedure) {
        return new Contribution(unit, metric, day, metric.byProcedure ? procedure : "", 1);
    }

    public static Contribution change(String unit, Metric metric, LocalDate day, int weight) {
        return new Contribution(unit, metric, day, "", weight);
    }

    /** The counter it adds to (its weight set aside). */
    public Contribution counter() {
        return weight == 1 ? this : new Contribution(unit, metric, day, procedure, 1);
    }
}
