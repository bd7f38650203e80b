package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** r2: the weeks of a period (section 5): whole Monday-Sunday weeks up to yesterday, less those wholly in school breaks. */
class SchoolWeeksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void onlyWholeWeeksWithinThePeriodCount() {
        // Wednesday 2 Oct to Tuesday 22 Oct 2024: the weeks of 7 and 14 October.
        assertThat(SchoolWeeks.counted(LocalDate.of(2024, 10, 2), LocalDate.of(2024, 10, 22), TODAY, List.of()))
                .containsExactly(LocalDate.of(2024, 10, 7), LocalDate.of(2024, 10, 14));
        // A Monday to its Sunday is one week; to its Saturday none.
        assertThat(SchoolWeeks.counted(LocalDate.of(2024, 10, 7), LocalDate.of(2024, 10, 13), TODAY, List.of())).hasSize(1);
        assertThat(SchoolWeeks.counted(LocalDate.of(2024, 10, 7), LocalDate.of(2024, 10, 12), TODAY, List.of())).isEmpty();
    }

    @Test
    void theWeekNotYetOverDoesNotCount() {
        // Today is Thursday 3 Dec 2026: the week of 30 November is not over, nor is one that ends today.
        assertThat(SchoolWeeks.counted(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 12, 31), TODAY, List.of()))
                .containsExactly(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23));
        LocalDate sunday = LocalDate.of(2026, 12, 6);
        assertThat(SchoolWeeks.counted(LocalDate.of(2026, 11, 30), sunday, sunday, List.of())).isEmpty();
        assertThat(SchoolWeeks.counted(LocalDate.of(2026, 11, 30), sunday, sunday.plusDays(1), List.of())).hasSize(1);
    }

    @Test
    void aWeekWhollyWithinSchoolBreaksIsAWeekOff() {
        SchoolWeeks.Break tet = new SchoolWeeks.Break(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 2, 18), "Nghỉ Tết");
        List<SchoolWeeks.Week> weeks = SchoolWeeks.of(LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 25), TODAY, List.of(tet));
        assertThat(weeks).extracting(SchoolWeeks.Week::monday)
                .containsExactly(LocalDate.of(2024, 2, 5), LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 19));
        // 5-11 Feb only partly in the break: it counts; 12-18 Feb wholly: it does not.
        assertThat(weeks).extracting(SchoolWeeks.Week::counts).containsExactly(true, false, true);
        assertThat(weeks.get(1).schoolBreak()).isEqualTo(tet);
    }

    @Test
    void breaksOfTwoYearsTogetherMakeAWeekOff() {
        // 30 Dec 2024 - 5 Jan 2025: the end of 2024's winter break and the start of 2025's.
        List<SchoolWeeks.Break> breaks = List.of(new SchoolWeeks.Break(LocalDate.of(2024, 12, 28), LocalDate.of(2024, 12, 31), "Nghỉ đông"),
                new SchoolWeeks.Break(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 5), "Nghỉ đông"));
        assertThat(SchoolWeeks.counted(LocalDate.of(2024, 12, 23), LocalDate.of(2025, 1, 12), TODAY, breaks))
                .containsExactly(LocalDate.of(2024, 12, 23), LocalDate.of(2025, 1, 6));
    }
}
