package vn.edu.haiphong.dvc.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many more items an indicator needs to meet its target: the smallest number k of the denominator's
 * items that, counted in the numerator as well (dossiers digitized, payments made on the national portal...),
 * make the served value meet the target, the denominator staying as it is. The served value is rounded
 * half-up to 2 decimals, so it meets target t exactly when the ratio is at least t − 0.005:
 * k = max(0, ceil((t − 0.005) × denominator / 100) − numerator), and k = 0 exactly when the indicator is met.
 * For adult-online-users the denominator is the adult population, and k a number of adults who have still
 * to use an online service.
 */
public final class TargetGap {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HALF_A_HUNDREDTH = new BigDecimal("0.005");

    private TargetGap() {
    }

    /** null when there is no target or no denominator to reach it in. */
    public static Long needed(long numerator, Long denominator, BigDecimal target) {
        if (target == null || denominator == null || denominator == 0) {
            return null;
        }
        long required = target.subtract(HALF_A_HUNDREDTH).multiply(BigDecimal.valueOf(denominator))
                .divide(HUNDRED, 0, RoundingMode.CEILING).longValueExact();
        return Math.max(0, required - numerator);
    }
}
