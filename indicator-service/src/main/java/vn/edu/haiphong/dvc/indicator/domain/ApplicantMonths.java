package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The months of a year an applicant applied in, as a bit set (bit 0 January ... bit 11 December): the
 * {@code months} column of {@code adult_applicant}, kept per unit, year and applicant. A distinct applicant counts
 * once in each month, quarter and year they applied in, so the counters of {@link Metric#ADULT_APPLICANTS} grow
 * only by the periods an application newly reaches.
 */
public final class ApplicantMonths {

    /** A period of a distinct-applicant counter: 'M' month, 'Q' quarter or 'Y' year, and its first day. */
    public record Period(char kind, LocalDate start) {
    }

    private ApplicantMonths() {
    }

    /** The bit of the month that {@code day} falls in. */
    public static int of(LocalDate day) {
        return 1 << (day.getMonthValue() - 1);
    }

    /** The months of quarter {@code q} (1 to 4). */
    static int quarter(int q) {
        return 7 << (3 * (q - 1));
    }

    /**
     * The periods in which an applicant who had applied in the months {@code before} newly counts, now that they
     * applied in {@code applied} too: each month new to them, each quarter none of whose months they had, and the
     * year when they had none. Empty when nothing is new.
     */
    public static List<Period> newlyCounted(int year, int before, int applied) {
        int added = applied & ~before;
        List<Period> periods = new ArrayList<>();
        if (added == 0) {
            return periods;
        }
        if (before == 0) {
            periods.add(new Period('Y', LocalDate.of(year, 1, 1)));
        }
        for (int m = 1; m <= 12; m++) {
            if ((added & (1 << (m - 1))) == 0) {
                continue;
            }
            LocalDate month = LocalDate.of(year, m, 1);
            periods.add(new Period('M', month));
            int quarter = quarter((m - 1) / 3 + 1);
            // New in the quarter when no month of it was set before, counted once even if two of its months are new.
            if ((before & quarter) == 0 && Integer.numberOfTrailingZeros(added & quarter) == m - 1) {
                periods.add(new Period('Q', month.with(IsoFields.DAY_OF_QUARTER, 1)));
            }
        }
        return periods;
    }
}
