package vn.edu.haiphong.dvc.indicator.domain;

/** An indicator's numerator and denominator; the denominator is null where it is unknown (an unset population). */
public record Count(long numerator, Long denominator) {
}
