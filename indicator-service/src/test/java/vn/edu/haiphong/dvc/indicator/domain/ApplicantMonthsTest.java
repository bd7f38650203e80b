package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.indicator.domain.ApplicantMonths.Period;

/** A distinct applicant counts once per month, quarter and year they applied in. */
class ApplicantMonthsTest {

    private static final int JANUARY = ApplicantMonths.of(LocalDate.of(2024, 1, 9));
    private static final int FEBRUARY = ApplicantMonths.of(LocalDate.of(2024, 2, 29));
    private static final int APRIL = ApplicantMonths.of(LocalDate.of(2024, 4, 1));
    private static final int DECEMBER = ApplicantMonths.of(LocalDate.of(2024, 12, 31));

    @Test
    void monthsAreBitsFromJanuary() {
        assertThat(JANUARY).isEqualTo(1);
        assertThat(FEBRUARY).isEqualTo(2);
        assertThat(DECEMBER).isEqualTo(2048);
    }

    @Test
    void aFirstApplicationCountsInItsMonthQuarterAndYear() {
        assertThat(ApplicantMonths.newlyCounted(2024, 0, FEBRUARY)).containsExactly(
                new Period('Y', LocalDate.of(2024, 1, 1)), new Period('M', LocalDate.of(2024, 2, 1)),
                new Period('Q', LocalDate.of(2024, 1, 1)));
    }

    @Test
    void aLaterMonthOfTheSameQuarterCountsInTheMonthOnly() {
        assertThat(ApplicantMonths.newlyCounted(2024, JANUARY, FEBRUARY)).containsExactly(new Period('M', LocalDate.of(2024, 2, 1)));
    }

    @Test
    void aMonthOfAnotherQuarterCountsInItsQuarterButNotTheYearAgain() {
        assertThat(ApplicantMonths.newlyCounted(2024, JANUARY, APRIL | JANUARY)).containsExactly(
                new Period('M', LocalDate.of(2024, 4, 1)), new Period('Q', LocalDate.of(2024, 4, 1)));
    }

    @Test
    void twoNewMonthsOfOneNewQuarterCountItOnce() {
        assertThat(ApplicantMonths.newlyCounted(2024, 0, JANUARY | FEBRUARY)).containsExactly(
                new Period('Y', LocalDate.of(2024, 1, 1)), new Period('M', LocalDate.of(2024, 1, 1)),
                new Period('Q', LocalDate.of(2024, 1, 1)), new Period('M', LocalDate.of(2024, 2, 1)));
    }

    @Test
    void monthsAlreadyCountedCountForNothing() {
        assertThat(ApplicantMonths.newlyCounted(2024, JANUARY | DECEMBER, DECEMBER)).isEmpty();
    }
}
