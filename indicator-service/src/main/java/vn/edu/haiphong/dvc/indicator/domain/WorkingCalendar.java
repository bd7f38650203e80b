package vn.edu.haiphong.dvc.indicator.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The working days (CONTRACT section 6): a Monday-Friday that is not a holiday, or a day named a working weekend day.
 * Built from the configured years; a year never configured has no holidays and no working weekend days, so there a
 * working day is a Monday-Friday. Days are the department's calendar days.
 * <p>
 * Counting goes by arithmetic over weeks and the (few) exceptions, never day by day, so that a due years ahead costs
 * no more than one next week.
 */
public final class WorkingCalendar {

    /** The weekdays named holidays that the working weekend days do not give back: the days off a weekday count loses. */
    private final NavigableSet<LocalDate> weekdaysOff = new TreeSet<>();
    /** The Saturdays and Sundays worked: the days a weekday count misses. */
    private final NavigableSet<LocalDate> weekendsWorked = new TreeSet<>();

    public WorkingCalendar(Collection<LocalDate> holidays, Collection<LocalDate> workingWeekendDays) {
        for (LocalDate day : workingWeekendDays) {
            if (weekend(day)) {
                weekendsWorked.add(day);
            }
        }
        for (LocalDate day : holidays) {
            if (!weekend(day) && !workingWeekendDays.contains(day)) {
                weekdaysOff.add(day);
            }
        }
    }

    /** Monday-Friday everywhere: what a year never configured gives. */
    public static WorkingCalendar weekdaysOnly() {
        return new WorkingCalendar(java.util.List.of(), java.util.List.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        return weekend(day) ? weekendsWorked.contains(day) : !weekdaysOff.contains(day);
    }

    /** The working days d with a < d <= b; 0 when b is not after a. */
    public long workingDaysBetween(LocalDate a, LocalDate b) {
        if (!b.isAfter(a)) {
            return 0;
        }
        return weekdaysUpTo(b) - weekdaysUpTo(a)
                - weekdaysOff.subSet(a, false, b, true).size()
                + weekendsWorked.subSet(a, false, b, true).size();
    }

    /** The n-th working day after {@code day} (n >= 1). */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be 1 or more: " + n);
        }
        LocalDate d = day;
        int found = 0;
        while (found < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                found++;
            }
        }
        return d;
    }

    /**
     * The first day whose working days after {@code today} (today < d <= that day) are more than {@code within}: a
     * due day is at most {@code within} working days after today exactly when it is before this day.
     */
    public LocalDate firstDayBeyond(LocalDate today, int within) {
        return nthWorkingDayAfter(today, within + 1);
    }

    private static boolean weekend(LocalDate day) {
        DayOfWeek w = day.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    /** The Mondays-Fridays from a fixed Monday long ago (or before it, negative) up to and including the day. */
    private static long weekdaysUpTo(LocalDate day) {
        // Epoch day 0 (1970-01-01) is a Thursday: +3 makes 0 the Monday before it.
        long n = day.toEpochDay() + 3;
        long weeks = Math.floorDiv(n, 7);
        long rest = Math.floorMod(n, 7);
        return weeks * 5 + Math.min(rest + 1, 5);
    }
}
