package vn.edu.haiphong.dvc.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The department's clock: Vietnam time, UTC+07:00, all year (no daylight saving). A period's days, "today" and
 * the dates of the reports are days of this clock, whatever offset an event was sent with.
 */
public final class DepartmentTime {

    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);

    private DepartmentTime() {
    }

    /** The department's calendar day of an instant. */
    public static LocalDate dayOf(OffsetDateTime time) {
        return time.atZoneSameInstant(OFFSET).toLocalDate();
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(OFFSET));
    }

    /** Now on the department's clock, to the second. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(OFFSET)).withNano(0);
    }
}
