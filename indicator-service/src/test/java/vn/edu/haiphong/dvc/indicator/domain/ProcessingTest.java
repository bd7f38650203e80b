package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.indicator.domain.Processing.DayRun;
import vn.edu.haiphong.dvc.indicator.domain.Processing.Step;
import vn.edu.haiphong.dvc.indicator.domain.Processing.StepEvent;

/** The contract's rules for a dossier in process (section 5, r2), one by one. */
class ProcessingTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2024-03-04T09:00:00+07:00");
    private static final OffsetDateTime DUE = OffsetDateTime.parse("2024-03-11T17:00:00+07:00");

    private static StepEvent received() {
        return new StepEvent("r", Step.RECEIVED, RECEIVED, DUE);
    }

    private static StepEvent requested(String id, OffsetDateTime at) {
        return new StepEvent(id, Step.SUPPLEMENT_REQUESTED, at, null);
    }

    private static StepEvent answered(String id, OffsetDateTime at, OffsetDateTime newDue) {
        return new StepEvent(id, Step.SUPPLEMENT_RECEIVED, at, newDue);
    }

    private static OffsetDateTime at(String local) {
        return OffsetDateTime.parse(local + "+07:00");
    }

    @Test
    void anOpenDossierWaitingOnOneRequestMadeBeforeItsDueIsNotLateWhenTheDuePasses() {
        Processing p = new Processing(List.of(received(), requested("q1", at("2024-03-08T10:00:00"))), null);
        OffsetDateTime cut = Processing.cutOff(LocalDate.of(2024, 3, 20));
        assertThat(p.openAt(cut)).isTrue();
        assertThat(p.waitingOn(cut)).isNotNull();
        assertThat(p.lateAt(cut)).isFalse();
    }

    @Test
    void twoRequestsMakeItLateWhateverElseHappened() {
        Processing p = new Processing(List.of(received(), requested("q1", at("2024-03-05T10:00:00")),
                answered("a1", at("2024-03-06T10:00:00"), at("2024-03-30T17:00:00")), requested("q2", at("2024-03-07T10:00:00")),
                answered("a2", at("2024-03-08T10:00:00"), null)), at("2024-03-09T10:00:00"));
        // Ended before every due it had: late all the same, from the second request on.
        assertThat(p.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 6)))).isFalse();
        assertThat(p.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 7)))).isTrue();
        assertThat(p.lateAt(Processing.END_OF_TIME)).isTrue();
    }

    @Test
    void waitingOnARequestMadeAfterTheDueIsLate() {
        Processing p = new Processing(List.of(received(), requested("q1", at("2024-03-12T10:00:00"))), null);
        assertThat(p.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 11)))).as("its due passed at 17:00 on the 11th, with no request yet")
                .isTrue();
        assertThat(p.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 12)))).isTrue();
    }

    @Test
    void aNewAppointmentMovesTheDueButNeverBackwardsInTime() {
        OffsetDateTime later = at("2024-03-25T17:00:00");
        Processing p = new Processing(List.of(received(), requested("q1", at("2024-03-08T10:00:00")),
                answered("a1", at("2024-03-15T10:00:00"), later)), null);
        // At the cut-off of the 10th: the first due stands, not yet passed, and it waits: not late.
        assertThat(p.dueAt(Processing.cutOff(LocalDate.of(2024, 3, 10)))).isEqualTo(DUE);
        // The 20th: the new appointment (given on the 15th) is the due, and it has not passed.
        assertThat(p.dueAt(Processing.cutOff(LocalDate.of(2024, 3, 20)))).isEqualTo(later);
        assertThat(p.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 20)))).isFalse();
        assertThat(p.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 26)))).isTrue();
        // An answer without an appointment leaves the first due, long passed: late from the day of the answer.
        Processing noAppointment = new Processing(List.of(received(), requested("q1", at("2024-03-08T10:00:00")),
                answered("a1", at("2024-03-15T10:00:00"), null)), null);
        assertThat(noAppointment.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 14)))).isFalse();
        assertThat(noAppointment.lateAt(Processing.cutOff(LocalDate.of(2024, 3, 15)))).isTrue();
        assertThat(noAppointment.lateDays()).containsExactly(new DayRun(LocalDate.of(2024, 3, 15), null));
    }

    @Test
    void anAnswerAtTheSameInstantAsItsRequestEndsTheWait() {
        OffsetDateTime same = at("2024-03-08T10:00:00");
        Processing p = new Processing(List.of(received(), answered("a", same, null), requested("z", same)), null);
        assertThat(p.waitingOn(same)).isNull();
    }

    @Test
    void aDossierWithdrawnWhileOpenIsNoLongerOpenAndEndedAtTheWithdrawal() {
        OffsetDateTime withdrawn = at("2024-03-06T15:00:00");
        Processing p = new Processing(List.of(received()), withdrawn);
        assertThat(p.openAt(at("2024-03-06T14:59:59"))).isTrue();
        assertThat(p.openAt(withdrawn)).isFalse();
        assertThat(p.openDays()).isEqualTo(new DayRun(LocalDate.of(2024, 3, 4), LocalDate.of(2024, 3, 6)));
        assertThat(p.lateAt(Processing.END_OF_TIME)).isFalse();
    }

    @Test
    void theCutOffOfADayIsItsMidnightAndAnEventAtMidnightCountsForTheDayBefore() {
        OffsetDateTime midnight = at("2024-03-05T00:00:00");
        assertThat(Processing.cutOff(LocalDate.of(2024, 3, 4))).isEqualTo(midnight);
        assertThat(Processing.firstCutOffDay(midnight)).isEqualTo(LocalDate.of(2024, 3, 4));
        assertThat(Processing.firstCutOffDay(midnight.plusSeconds(1))).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void theRunsOfLateDaysAreTheDaysAtWhoseCutOffItIsLate() {
        Processing p = new Processing(List.of(received(), requested("q1", at("2024-03-13T10:00:00")),
                answered("a1", at("2024-03-15T10:00:00"), at("2024-03-20T12:00:00"))), at("2024-03-22T09:00:00"));
        List<LocalDate> late = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 3, 1); d.isBefore(LocalDate.of(2024, 4, 10)); d = d.plusDays(1)) {
            if (p.lateAt(Processing.cutOff(d))) {
                late.add(d);
            }
        }
        List<LocalDate> fromRuns = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2024, 3, 1); d.isBefore(LocalDate.of(2024, 4, 10)); d = d.plusDays(1)) {
            LocalDate day = d;
            if (p.lateDays().stream().anyMatch(r -> r.contains(day))) {
                fromRuns.add(d);
            }
        }
        assertThat(fromRuns).isEqualTo(late).isNotEmpty();
        // Late from the due (11th) while open; on time again with the new appointment; late from the 20th; ended late.
        assertThat(p.lateDays()).containsExactly(new DayRun(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 15)),
                new DayRun(LocalDate.of(2024, 3, 20), null));
        assertThat(p.settledAtEnd()).isTrue();
    }
}
