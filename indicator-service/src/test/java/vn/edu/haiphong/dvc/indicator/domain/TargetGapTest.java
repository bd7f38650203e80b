package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.junit.jupiter.api.Test;


/** "How many more are needed": items of the denominator that must also count in the numerator. */
class TargetGapTest {

    @Test
    void isTheDenominatorItemsStillToMoveIntoTheNumerator() {
        // 50% of 10 = 5; 3 are there: 2 more.
        assertThat(TargetGap.needed(3, 10L, BigDecimal.valueOf(50))).isEqualTo(2);
        // 45% of 7 = 3.15: 4 are needed, so 3 more from 1.
        assertThat(TargetGap.needed(1, 7L, BigDecimal.valueOf(45))).isEqualTo(3);
        assertThat(TargetGap.needed(2, 3L, BigDecimal.valueOf(100))).isEqualTo(1);
        // A target with decimals: 1/3 = 33.33% < 33.34%, 2/3 meets it.
        assertThat(TargetGap.needed(1, 3L, new BigDecimal("33.34"))).isEqualTo(1);
        // adult-online-users: 60% of a population of 400 with 1 user.
        assertThat(TargetGap.needed(1, 400L, BigDecimal.valueOf(60))).isEqualTo(239);
    }

    @Test
    void isZeroExactlyWhenTheServedRoundedValueMeetsTheTarget() {
        assertThat(TargetGap.needed(5, 10L, BigDecimal.valueOf(50))).isZero();
        assertThat(TargetGap.needed(9, 10L, BigDecimal.valueOf(50))).isZero();
        // 8999/20000 = 44.995% is served as 45.00: met.
        assertThat(TargetGap.needed(8_999, 20_000L, BigDecimal.valueOf(45))).isZero();
        assertThat(TargetGap.needed(8_998, 20_000L, BigDecimal.valueOf(45))).isEqualTo(1);
        assertThat(TargetGap.needed(0, 20L, BigDecimal.ZERO)).isZero();
    }

    /** Against the definition itself, counted one item at a time. */
    @Test
    void isTheSmallestNumberThatMeetsTheTarget() {
        for (long denominator = 1; denominator <= 60; denominator++) {
            for (long numerator = 0; numerator <= denominator; numerator++) {
                for (BigDecimal target : new BigDecimal[] { BigDecimal.valueOf(45), BigDecimal.valueOf(80), new BigDecimal("66.67"),
                        BigDecimal.valueOf(100) }) {
                    long k = 0;
                    while (!meets(numerator + k, denominator, target)) {
                        k++;
                    }
                    assertThat(TargetGap.needed(numerator, denominator, target)).as("%d/%d for %s", numerator, denominator, target)
                            .isEqualTo(k);
                }
            }
        }
    }

    @Test
    void isUnknownWithoutATargetOrADenominator() {
        assertThat(TargetGap.needed(3, 10L, null)).isNull();
        assertThat(TargetGap.needed(0, 0L, BigDecimal.TEN)).isNull();
        assertThat(TargetGap.needed(3, null, BigDecimal.TEN)).isNull();
    }

    private static boolean meets(long numerator, long denominator, BigDecimal target) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).compareTo(target) >= 0;
    }
}
