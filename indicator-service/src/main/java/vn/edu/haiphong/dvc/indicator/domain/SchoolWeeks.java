package vn.edu.haiphong.dvc.indicator.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * r2: the weeks of a period (CONTRACT section 5, indicator 16): the Monday-Sunday weeks on the department's clock that
 * lie wholly within [from, min(to, yesterday)], less those that lie wholly within school breaks (section 6) of the years
 * they touch. A week is "wholly within school breaks" when each of its seven days is in a break: a week that starts in
 * the last break of one year and ends in the first break of the next is a week off, as an official counting by hand
 * would have it. This is the one place that says which weeks count.
 */
public final class SchoolWeeks {

    /** A school break: [from, to], both inclusive. */
    public record Break(LocalDate from, LocalDate to, String name) {

        boolean holds(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /**
     * A week wholly within the period's days so far.
     *
     * @param monday its first day
     * @param schoolBreak the break that holds it wholly (the one that holds its Monday), or null: a week that counts
     */
    public record Week(LocalDate monday, Break schoolBreak) {

        public LocalDate sunday() {
            return monday.plusDays(6);
        }

        /** Whether the week is one of the period's weeks, that a broadcast system must air in. */
        public boolean counts() {
            return schoolBreak == null;
        }
    }

    private SchoolWeeks() {
    }

    /** The last day whose week can be whole: yesterday, or {@code to} when it is earlier. */
    public static LocalDate lastDay(LocalDate to, LocalDate today) {
        LocalDate yesterday = today.minusDays(1);
        return to.isBefore(yesterday) ? to : yesterday;
    }

    /**
     * Every Monday-Sunday week wholly within [from, min(to, yesterday)], in order, those wholly within school breaks
     * marked with their break.
     */
    public static List<Week> of(LocalDate from, LocalDate to, LocalDate today, Collection<Break> breaks) {
        List<Week> weeks = new ArrayList<>();
        LocalDate last = lastDay(to, today);
        for (LocalDate monday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)); !monday.plusDays(6).isAfter(last);
                monday = monday.plusWeeks(1)) {
            weeks.add(new Week(monday, wholeBreak(monday, breaks).orElse(null)));
        }
        return weeks;
    }

    /** The Mondays of the weeks that count: the weeks of the period. */
    public static List<LocalDate> counted(LocalDate from, LocalDate to, LocalDate today, Collection<Break> breaks) {
        return of(from, to, today, breaks).stream().filter(Week::counts).map(Week::monday).toList();
    }

    /** The Monday of the week that holds the day. */
    public static LocalDate mondayOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static Optional<Break> wholeBreak(LocalDate monday, Collection<Break> breaks) {
        Break first = null;
        for (int i = 0; i < 7; i++) {
            LocalDate day = monday.plusDays(i);
            Optional<Break> holding = breaks.stream().filter(b -> b.holds(day)).findFirst();
            if (holding.isEmpty()) {
                return Optional.empty();
            }
            if (first == null) {
                first = holding.get();
            }
        }
        return Optional.ofNullable(first);
    }
}
