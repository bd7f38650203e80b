package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;

/**
 * What an indicator is computed over: the days [from, to] on the department's clock, both inclusive, and
 * a unit with everything below it ({@code unit} null: every unit).
 */
public record Scope(LocalDate from, LocalDate to, String unit) {

    public Scope withDays(LocalDate from, LocalDate to) {
        return new Scope(from, to, unit);
    }

    public Scope withUnit(String unit) {
        return new Scope(from, to, unit);
    }
}
