package vn.edu.haiphong.dvc.indicator.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.indicator.repository.IndicatorQueries.Part;

/** A period is read as the fewest counter rows: whole months and the days at its edges, with no gap or overlap. */
class PeriodPartsTest {

    @Test
    void aCalendarYearIsItsTwelveMonths() {
        assertThat(IndicatorQueries.parts(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                .containsExactly(new Part('M', LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1)));
    }

    @Test
    void aPeriodWithRaggedEdgesIsDaysMonthsDays() {
        assertThat(IndicatorQueries.parts(LocalDate.of(2023, 11, 15), LocalDate.of(2025, 3, 10))).containsExactly(
                new Part('D', LocalDate.of(2023, 11, 15), LocalDate.of(2023, 12, 1)),
                new Part('M', LocalDate.of(2023, 12, 1), LocalDate.of(2025, 3, 1)),
                new Part('D', LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 11)));
    }

    @Test
    void aPeriodWithinOneMonthIsDays() {
        assertThat(IndicatorQueries.parts(LocalDate.of(2024, 2, 3), LocalDate.of(2024, 2, 29)))
                .containsExactly(new Part('D', LocalDate.of(2024, 2, 3), LocalDate.of(2024, 3, 1)));
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
                    if (p.period() == 'M') {
                        assertThat(p.from().getDayOfMonth()).isEqualTo(1);
                        assertThat(p.until().getDayOfMonth()).isEqualTo(1);
                    } else {
                        assertThat(p.period()).isEqualTo('D');
                    }
                    next = p.until();
                }
                assertThat(next).isEqualTo(to.plusDays(1));
            }
        }
    }
}
