package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.indicator.domain.TargetGap;

/** "How many more are needed": items of the denominator that must also count in the numerator. */
class TargetGapTest {

    @Test
    void isTheDenominatorItemsStillToMoveIntoTheNumerator() {
        // 50% of 10 = 5; 3 are there: 2 more.
        assertThat(TargetGap.needed(3, 10L, BigDecimal.valueOf(50), false)).isEqualTo(2);
        // 45% of 7 = 3.15: 4 are needed, so 3 more from 1.
        assertThat(TargetGap.needed(1, 7L, BigDecimal.valueOf(45), false)).isEqualTo(3);
        // 100% of 3 with 2: 1 more.
        assertThat(TargetGap.needed(2, 3L, BigDecimal.valueOf(100), false)).isEqualTo(1);
        // A target with decimals: 33.34% of 3 = 1.0002, so 2.
        assertThat(TargetGap.needed(1, 3L, new BigDecimal("33.34"), false)).isEqualTo(1);
        // adult-online-users: 60% of a population of 400 with 1 user.
        assertThat(TargetGap.needed(1, 400L, BigDecimal.valueOf(60), false)).isEqualTo(239);
    }

    @Test
    void isZeroOnceTheTargetIsMetEvenWhenOnlyTheRoundedValueMeetsIt() {
        assertThat(TargetGap.needed(5, 10L, BigDecimal.valueOf(50), true)).isZero();
        // 8999/20000 = 44.995% rounds to 45.00: met, although the exact ratio is one short.
        assertThat(TargetGap.needed(8_999, 20_000L, BigDecimal.valueOf(45), true)).isZero();
        assertThat(TargetGap.needed(8_999, 20_000L, BigDecimal.valueOf(45), false)).isEqualTo(1);
    }

    @Test
    void isUnknownWithoutATargetOrADenominator() {
        assertThat(TargetGap.needed(3, 10L, null, null)).isNull();
        assertThat(TargetGap.needed(0, 0L, BigDecimal.TEN, null)).isNull();
        assertThat(TargetGap.needed(3, null, BigDecimal.TEN, null)).isNull();
    }
}
