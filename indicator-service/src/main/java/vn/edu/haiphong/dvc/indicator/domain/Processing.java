package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

import vn.edu.haiphong.dvc.contract.DepartmentTime;

/**
 * A dossier in process, as the contract's revision 2 defines it (sections 2 and 5): its due, whether it waits on the
 * applicant, whether it is open, and whether it is late, at any instant, from the events that decide them (its
 * RECEIVED and supplement events, and when its processing ended). A plain reading of the contract's words; whatever
 * order the events came in, the same events give the same answers.
 * <p>
 * The cut-off of a period ending on day d is 24:00 of d (on the department's clock), which this class calls
 * {@link #cutOff(LocalDate)}. Whether a dossier is open, or late, at the cut-off of each day is kept as runs of days
 * ({@link #openDays()}, {@link #lateDays()}), so that counters keyed by day can say it for any past period.
 */
public final class Processing {

    /** The events that decide a dossier's due and whether it waits on the applicant. */
    public enum Step {
        RECEIVED, SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED
    }

    /** One such event: its id, step, time, and the appointment it sets (RECEIVED always, SUPPLEMENT_RECEIVED maybe). */
    public record StepEvent(String eventId, Step step, OffsetDateTime at, OffsetDateTime dueAt) {
    }

    /** Days [from, until) on the department's clock; {@code until} null: with no end. */
    public record DayRun(LocalDate from, LocalDate until) {

        public boolean contains(LocalDate day) {
            return !day.isBefore(from) && (until == null || day.isBefore(until));
        }
    }

    /** After every event: what the dossier's events say once all of them count. */
    public static final OffsetDateTime END_OF_TIME = OffsetDateTime.MAX;

    /**
     * The order of supplement events at one instant: a SUPPLEMENT_REQUESTED before a SUPPLEMENT_RECEIVED (section 5,
     * "waits on the applicant"); then by id, so that the order never depends on arrival.
     */
    private static final Comparator<StepEvent> ORDER = Comparator.comparing(StepEvent::at, OffsetDateTime.timeLineOrder())
            .thenComparing(StepEvent::step).thenComparing(StepEvent::eventId);

    private final List<StepEvent> events;
    private final OffsetDateTime endedAt;

    /**
     * @param events  the dossier's RECEIVED and supplement events, in any order
     * @param endedAt when its processing ended (the earlier of RESULT_ISSUED and WITHDRAWN), null while it has not
     */
    public Processing(Collection<StepEvent> events, OffsetDateTime endedAt) {
        List<StepEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        this.events = List.copyOf(sorted);
        this.endedAt = endedAt;
    }

    /** The instant that ends day d: 24:00 of d, that is 00:00 of the next day, on the department's clock. */
    public static OffsetDateTime cutOff(LocalDate day) {
        return day.plusDays(1).atStartOfDay().atOffset(DepartmentTime.OFFSET);
    }

    /** The first day whose cut-off is at or after the instant: from that day on, an event at that instant has happened. */
    public static LocalDate firstCutOffDay(OffsetDateTime at) {
        return DepartmentTime.dayOf(at.minusNanos(1));
    }

    public OffsetDateTime receivedAt() {
        return events.stream().filter(e -> e.step() == Step.RECEIVED).map(StepEvent::at).findFirst().orElse(null);
    }

    public OffsetDateTime endedAt() {
        return endedAt;
    }

    /** Whether its processing has ended at or before t. */
    public boolean endedBy(OffsetDateTime t) {
        return endedAt != null && !endedAt.isAfter(t);
    }

    /** Received at or before t, and its processing not ended at or before t. */
    public boolean openAt(OffsetDateTime t) {
        OffsetDateTime received = receivedAt();
        return received != null && !received.isAfter(t) && !endedBy(t);
    }

    /**
     * The due at t: the {@code dueAt} of the latest (by occurredAt, then eventId) RECEIVED or SUPPLEMENT_RECEIVED at
     * or before t that carries one; null when none has come by then.
     */
    public OffsetDateTime dueAt(OffsetDateTime t) {
        StepEvent latest = null;
        for (StepEvent e : events) {
            if (e.dueAt() != null && !e.at().isAfter(t) && (latest == null || e.at().isAfter(latest.at())
                    || (e.at().isEqual(latest.at()) && e.eventId().compareTo(latest.eventId()) > 0))) {
                latest = e;
            }
        }
        return latest == null ? null : latest.dueAt();
    }

    /** The SUPPLEMENT_REQUESTED events at or before t. */
    public int supplementRequests(OffsetDateTime t) {
        return (int) events.stream().filter(e -> e.step() == Step.SUPPLEMENT_REQUESTED && !e.at().isAfter(t)).count();
    }

    /**
     * The request the dossier waits on at t: its latest supplement event at or before t, when that is a
     * SUPPLEMENT_REQUESTED; null when it does not wait on the applicant then.
     */
    public StepEvent waitingOn(OffsetDateTime t) {
        StepEvent latest = null;
        for (StepEvent e : events) {
            if (e.step() != Step.RECEIVED && !e.at().isAfter(t)) {
                latest = e;
            }
        }
        return latest != null && latest.step() == Step.SUPPLEMENT_REQUESTED ? latest : null;
    }

    /**
     * Late at the cut-off t (section 5, r2), for a dossier that counts in a period whose cut-off is t: (a) it ended
     * at or before t after its due; (b) it is open at t, not waiting on the applicant, and its due is before t; (c) it
     * is open and waiting at t on a request made after its due; or (d) it has two or more requests at or before t.
     * Its due is the one its events at or before t give.
     */
    public boolean lateAt(OffsetDateTime t) {
        if (supplementRequests(t) >= 2) {
            return true;
        }
        OffsetDateTime due = dueAt(t);
        if (due == null) {
            return false;
        }
        if (endedBy(t)) {
            return endedAt.isAfter(due);
        }
        if (!openAt(t)) {
            return false;
        }
        StepEvent waiting = waitingOn(t);
        return waiting == null ? due.isBefore(t) : waiting.at().isAfter(due);
    }

    /** The days at whose cut-off it is open: [the first cut-off after its receipt, the first after its end). */
    public DayRun openDays() {
        OffsetDateTime received = receivedAt();
        if (received == null) {
            return null;
        }
        LocalDate from = firstCutOffDay(received);
        LocalDate until = endedAt == null ? null : firstCutOffDay(endedAt);
        return until != null && !until.isAfter(from) ? null : new DayRun(from, until);
    }

    /**
     * The days on which its answers at the cut-off can change: the first cut-off at or after each of its events and
     * its end, and the first cut-off after each due.
     */
    private TreeSet<LocalDate> changeDays() {
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (StepEvent e : events) {
            changes.add(firstCutOffDay(e.at()));
            if (e.dueAt() != null) {
                changes.add(DepartmentTime.dayOf(e.dueAt()));
            }
        }
        if (endedAt != null) {
            changes.add(firstCutOffDay(endedAt));
        }
        return changes;
    }

    /**
     * The days at whose cut-off it is late ({@link #lateAt} at {@link #cutOff}), as runs. The answer can change only
     * on a day when one of its instants passes: an event (from the first cut-off at or after it) or a due (from the
     * first cut-off after it); so it is read on those days and holds until the next.
     */
    public List<DayRun> lateDays() {
        List<DayRun> runs = new ArrayList<>();
        LocalDate lateFrom = null;
        for (LocalDate day : changeDays()) {
            boolean late = lateAt(cutOff(day));
            if (late && lateFrom == null) {
                lateFrom = day;
            } else if (!late && lateFrom != null) {
                runs.add(new DayRun(lateFrom, day));
                lateFrom = null;
            }
        }
        if (lateFrom != null) {
            runs.add(new DayRun(lateFrom, null));
        }
        return runs;
    }

    /** The days at whose cut-off it is both open and late. */
    public List<DayRun> openLateDays() {
        DayRun open = openDays();
        List<DayRun> runs = new ArrayList<>();
        if (open == null) {
            return runs;
        }
        for (DayRun late : lateDays()) {
            LocalDate from = late.from().isAfter(open.from()) ? late.from() : open.from();
            LocalDate until = earlier(late.until(), open.until());
            if (until == null || from.isBefore(until)) {
                runs.add(new DayRun(from, until));
            }
        }
        return runs;
    }

    /**
     * Whether its lateness at the cut-off of any day from its end day on is the same as at the end day's: no event
     * after that cut-off changes it. Then a period that holds its end counts it late or not alike, whatever the
     * period's last day; otherwise ({@code false}) each period must read {@link #lateDays()} at its own cut-off.
     */
    public boolean settledAtEnd() {
        if (endedAt == null) {
            return true;
        }
        LocalDate endDay = DepartmentTime.dayOf(endedAt);
        boolean atEnd = lateAt(cutOff(endDay));
        for (LocalDate day : changeDays().tailSet(endDay, false)) {
            if (lateAt(cutOff(day)) != atEnd) {
                return false;
            }
        }
        return true;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
