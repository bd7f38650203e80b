package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Working days as the contract's section 6 words them, on the built-in 2024 days off. */
class WorkingCalendarTest {

    /** The civil service's 2024 days off (CONTRACT section 6), read from the contract, not from the migration. */
    static final List<LocalDate> HOLIDAYS_2024 = List.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 8), LocalDate.of(2024, 2, 9),
            LocalDate.of(2024, 2, 12), LocalDate.of(2024, 2, 13), LocalDate.of(2024, 2, 14), LocalDate.of(2024, 4, 18),
            LocalDate.of(2024, 4, 29), LocalDate.of(2024, 4, 30), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 9, 2),
            LocalDate.of(2024, 9, 3));
    static final List<LocalDate> WORKED_2024 = List.of(LocalDate.of(2024, 5, 4));

    private final WorkingCalendar calendar = new WorkingCalendar(HOLIDAYS_2024, WORKED_2024);

    @Test
    void tetTakesItsDaysOffADueAfterItCountsOnlyTheDaysWorked() {
        // Wednesday 7 Feb 2024 to Thursday 15 Feb: 8, 9 (Thu, Fri), the weekend, 12, 13, 14 off; 15 is the one working day.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 2, 7), LocalDate.of(2024, 2, 15))).isEqualTo(1);
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2024, 2, 7), 1)).isEqualTo(LocalDate.of(2024, 2, 15));
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2024, 2, 7), 3)).isEqualTo(LocalDate.of(2024, 2, 19));
        // due-soon within 2 from 7 Feb: due days up to 16 Feb (15, 16 are the two working days), 19 Feb is beyond.
        assertThat(calendar.firstDayBeyond(LocalDate.of(2024, 2, 7), 2)).isEqualTo(LocalDate.of(2024, 2, 19));
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 2, 8))).isFalse();
    }

    @Test
    void theMakeUpSaturdayOfMayIsWorkedAndTheHolidaysAroundItAreNot() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 4))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 5, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 30))).isFalse();
        // Friday 26 Apr to Monday 6 May: 29, 30 Apr, 1 May off; 2, 3, Saturday 4 and 6 May worked.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 4, 26), LocalDate.of(2024, 5, 6))).isEqualTo(4);
        assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2024, 5, 3), 1)).isEqualTo(LocalDate.of(2024, 5, 4));
        // Zero-width and backwards ranges count nothing.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 5, 4), LocalDate.of(2024, 5, 4))).isZero();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 5, 6), LocalDate.of(2024, 5, 4))).isZero();
    }

    @Test
    void aYearNeverConfiguredHasOnlyMondayToFriday() {
        // Monday 30 Dec 2024 to Friday 10 Jan 2025: 31 Dec, and 2025 (not configured) with no New Year's day off.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 10))).isEqualTo(9);
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 1, 1))).isTrue();
        // And 1 January 2024, configured, is off.
        assertThat(calendar.workingDaysBetween(LocalDate.of(2023, 12, 29), LocalDate.of(2024, 1, 2))).isEqualTo(1);
        assertThat(WorkingCalendar.weekdaysOnly().workingDaysBetween(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 7))).isEqualTo(1);
    }

    @Test
    void theArithmeticCountAgreesWithCountingDayByDay() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            LocalDate a = LocalDate.of(2023, 6, 1).plusDays(random.nextInt(900));
            LocalDate b = a.plusDays(random.nextInt(400) - 20);
            assertThat(calendar.workingDaysBetween(a, b)).as("(%s, %s]", a, b).isEqualTo(byDay(a, b));
        }
    }

    private static long byDay(LocalDate a, LocalDate b) {
        List<LocalDate> working = new ArrayList<>();
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            boolean weekday = d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
            if ((weekday && !HOLIDAYS_2024.contains(d)) || WORKED_2024.contains(d)) {
                working.add(d);
            }
        }
        return working.size();
    }
}
