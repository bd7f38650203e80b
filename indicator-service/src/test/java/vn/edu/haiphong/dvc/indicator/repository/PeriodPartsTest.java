package vn.edu.haiphong.dvc.indicator.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.indicator.repository.IndicatorQueries.Part;

/** A period is read as the fewest counter rows: whole years, then whole months, then days, with no gap or overlap. */
class PeriodPartsTest {

    @Test
    void aCalendarYearIsOneYearRow() {
        assertThat(IndicatorQueries.parts(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .containsExactly(new Part('Y', LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aPeriodWithRaggedEdgesIsDaysMonthsYearsMonthsDays() {
        assertThat(IndicatorQueries.parts(LocalDate.of(2023, 11, 15), LocalDate.of(2025, 3, 10))).containsExactly(
                new Part('D', LocalDate.of(2023, 11, 15), LocalDate.of(2023, 12, 1)),
                new Part('M', LocalDate.of(2023, 12, 1), LocalDate.of(2024, 1, 1)),
                new Part('Y', LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)),
                new Part('M', LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 1)),
                new Part('D', LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 11)));
    }

    @Test
    void partsCoverEveryDayOnceForManyPeriods() {
        LocalDate base = LocalDate.of(2023, 12, 20);
        for (int start = 0; start < 120; start += 7) {
            for (int length = 0; length < 800; length += 13) {
                LocalDate from = base.plusDays(start);
                LocalDate to = from.plusDays(length);
                List<Part> parts = IndicatorQueries.parts(from, to);
                LocalDate next = from;
                for (Part p : parts) {
                    assertThat(p.from()).isEqualTo(next);
                    switch (p.period()) {
                        case 'Y' -> assertThat(p.from().getDayOfYear()).isEqualTo(1);
                        case 'M' -> assertThat(p.from().getDayOfMonth()).isEqualTo(1);
                        default -> assertThat(p.period()).isEqualTo('D');
                    }
                    next = p.until();
                }
                assertThat(next).isEqualTo(to.plusDays(1));
            }
        }
    }
}
