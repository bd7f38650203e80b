package vn.edu.haiphong.dvc.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many more items an indicator needs to meet its target: the number of items of the denominator
 * that would have to count in the numerator as well (dossiers digitized, payments made on the national
 * portal...), the denominator staying as it is. That is ceil(target × denominator / 100) − numerator,
 * and 0 once the target is met (the served value is rounded to 2 decimals, so "met" can come one item
 * before the exact ratio reaches the target). For adult-online-users the denominator is the adult
 * population, and the gap is a number of adults who have still to use an online service.
 */
public final class TargetGap {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TargetGap() {
    }

    /** null when there is no target or no denominator to reach it in. */
    public static Long needed(long numerator, Long denominator, BigDecimal target, Boolean met) {
        if (target == null || denominator == null || denominator == 0) {
            return null;
        }
        if (Boolean.TRUE.equals(met)) {
            return 0L;
        }
        long required = target.multiply(BigDecimal.valueOf(denominator)).divide(HUNDRED, 0, RoundingMode.CEILING).longValueExact();
        return Math.max(0, required - numerator);
    }
}
