package vn.edu.haiphong.dvc.dossier.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.dossier.api.PublicProgress.Stage;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;

/** The public milestones of sections 2 and 4, without a database: the same whatever order the events arrive in. */
class MilestonesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-04-01T00:00:00Z");

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }

    private static DossierEvent event(String eventId, DossierEventType type, String occurredAt, String dueAt) {
        return new DossierEvent(eventId, type, at(occurredAt), "HS-1", "P-1", "SGDDT", null, null, null,
                dueAt == null ? null : at(dueAt), null, null);
    }

    private static DossierEntity dossierAfter(List<DossierEvent> arrivals) {
        DossierEntity dossier = new DossierEntity();
        for (DossierEvent e : arrivals) {
            Milestones.apply(dossier, e, NOW);
        }
        return dossier;
    }

    @Test
    void theLaterDueIsTheLaterOccurrenceThenTheGreaterEventId() {
        assertThat(Milestones.isLaterDue(at("2024-03-04T09:00:00+07:00"), "b", null, null)).isTrue();
        assertThat(Milestones.isLaterDue(at("2024-03-04T09:00:00+07:00"), "a", at("2024-03-04T08:59:59+07:00"), "z")).isTrue();
        assertThat(Milestones.isLaterDue(at("2024-03-04T08:59:59+07:00"), "z", at("2024-03-04T09:00:00+07:00"), "a")).isFalse();
        // The same instant written with two offsets is a tie, which the eventId breaks.
        assertThat(Milestones.isLaterDue(at("2024-03-04T02:00:00Z"), "b", at("2024-03-04T09:00:00+07:00"), "a")).isTrue();
        assertThat(Milestones.isLaterDue(at("2024-03-04T02:00:00Z"), "a", at("2024-03-04T09:00:00+07:00"), "b")).isFalse();
    }

    @Test
    void atTheSameInstantARequestSortsBeforeAReceipt() {
        OffsetDateTime t = at("2024-03-05T10:00:00+07:00");
        assertThat(Milestones.isLaterSupplement(t, DossierEventType.SUPPLEMENT_RECEIVED, t, DossierEventType.SUPPLEMENT_REQUESTED))
                .isTrue();
        assertThat(Milestones.isLaterSupplement(t, DossierEventType.SUPPLEMENT_REQUESTED, t, DossierEventType.SUPPLEMENT_RECEIVED))
                .isFalse();
        assertThat(Milestones.isLaterSupplement(t.plusSeconds(1), DossierEventType.SUPPLEMENT_REQUESTED, t,
                DossierEventType.SUPPLEMENT_RECEIVED)).isTrue();
        assertThat(Milestones.isLaterSupplement(t, DossierEventType.SUPPLEMENT_REQUESTED, null, null)).isTrue();
    }

    @Test
    void everyOrderOfArrivalGivesTheSameStageAndDue() {
        List<DossierEvent> events = List.of(
                event("e-submitted", DossierEventType.SUBMITTED, "2024-03-04T08:15:00+07:00", null),
                event("e-received", DossierEventType.RECEIVED, "2024-03-04T09:00:00+07:00", "2024-03-11T17:00:00+07:00"),
                event("e-request-1", DossierEventType.SUPPLEMENT_REQUESTED, "2024-03-05T10:00:00+07:00", null),
                event("e-answer-1", DossierEventType.SUPPLEMENT_RECEIVED, "2024-03-07T14:00:00+07:00", "2024-03-15T17:00:00+07:00"),
                event("e-request-2", DossierEventType.SUPPLEMENT_REQUESTED, "2024-03-08T10:00:00+07:00", null),
                event("e-answer-2", DossierEventType.SUPPLEMENT_RECEIVED, "2024-03-09T08:00:00+07:00", null));
        for (List<DossierEvent> arrivals : permutations(events)) {
            DossierEntity d = dossierAfter(arrivals);
            assertThat(Milestones.stage(d)).as("%s", arrivals).isEqualTo(Stage.PROCESSING);
            // The last answer names no appointment: the one before it still holds.
            assertThat(d.dueAt).as("%s", arrivals).isEqualTo(at("2024-03-15T17:00:00+07:00"));
            assertThat(d.receivedAt).isEqualTo(at("2024-03-04T09:00:00+07:00"));
        }
        for (List<DossierEvent> arrivals : permutations(events.subList(0, 5))) {
            DossierEntity d = dossierAfter(arrivals);
            assertThat(Milestones.stage(d)).as("%s", arrivals).isEqualTo(Stage.WAITING_FOR_SUPPLEMENT);
            assertThat(d.dueAt).as("%s", arrivals).isEqualTo(at("2024-03-15T17:00:00+07:00"));
        }
    }

    @Test
    void aTieOfAppointmentsGoesToTheGreaterEventIdInEitherOrder() {
        DossierEvent a = event("e-a", DossierEventType.SUPPLEMENT_RECEIVED, "2024-03-07T14:00:00+07:00", "2024-03-20T17:00:00+07:00");
        DossierEvent b = event("e-b", DossierEventType.SUPPLEMENT_RECEIVED, "2024-03-07T14:00:00+07:00", "2024-03-18T17:00:00+07:00");
        assertThat(dossierAfter(List.of(a, b)).dueAt).isEqualTo(at("2024-03-18T17:00:00+07:00"));
        assertThat(dossierAfter(List.of(b, a)).dueAt).isEqualTo(at("2024-03-18T17:00:00+07:00"));
    }

    @Test
    void aRequestAndItsAnswerAtTheSameInstantLeaveNothingWaiting() {
        DossierEvent received = event("e-received", DossierEventType.RECEIVED, "2024-03-04T09:00:00+07:00", "2024-03-11T17:00:00+07:00");
        DossierEvent request = event("e-request", DossierEventType.SUPPLEMENT_REQUESTED, "2024-03-05T10:00:00+07:00", null);
        DossierEvent answer = event("e-answer", DossierEventType.SUPPLEMENT_RECEIVED, "2024-03-05T10:00:00+07:00", null);
        for (List<DossierEvent> arrivals : permutations(List.of(received, request, answer))) {
            assertThat(Milestones.stage(dossierAfter(arrivals))).as("%s", arrivals).isEqualTo(Stage.PROCESSING);
        }
    }

    @Test
    void onlyAReceivedOpenDossierWaitsForItsSupplement() {
        DossierEvent request = event("e-request", DossierEventType.SUPPLEMENT_REQUESTED, "2024-03-05T10:00:00+07:00", null);
        DossierEvent submitted = event("e-submitted", DossierEventType.SUBMITTED, "2024-03-04T08:15:00+07:00", null);
        DossierEvent received = event("e-received", DossierEventType.RECEIVED, "2024-03-04T09:00:00+07:00", "2024-03-11T17:00:00+07:00");
        assertThat(Milestones.stage(dossierAfter(List.of(submitted, request)))).isEqualTo(Stage.SUBMITTED);
        assertThat(Milestones.stage(dossierAfter(List.of(submitted, request, received)))).isEqualTo(Stage.WAITING_FOR_SUPPLEMENT);
        DossierEvent result = event("e-result", DossierEventType.RESULT_ISSUED, "2024-03-06T10:00:00+07:00", null);
        assertThat(Milestones.stage(dossierAfter(List.of(received, request, result)))).isEqualTo(Stage.RESULT_ISSUED);
        DossierEvent withdrawn = event("e-withdrawn", DossierEventType.WITHDRAWN, "2024-03-06T10:00:00+07:00", null);
        assertThat(Milestones.stage(dossierAfter(List.of(received, request, withdrawn)))).isEqualTo(Stage.WITHDRAWN);
    }

    @Test
    void aReceiptThatArrivesLastDoesNotTakeBackALaterAppointment() {
        DossierEvent received = event("e-received", DossierEventType.RECEIVED, "2024-03-04T09:00:00+07:00", "2024-03-11T17:00:00+07:00");
        DossierEvent answer = event("e-answer", DossierEventType.SUPPLEMENT_RECEIVED, "2024-03-07T14:00:00+07:00", "2024-03-15T17:00:00+07:00");
        DossierEntity d = dossierAfter(List.of(answer, received));
        assertThat(d.dueAt).isEqualTo(at("2024-03-15T17:00:00+07:00"));
        assertThat(d.dueSetBy).isEqualTo("e-answer");
        assertThat(d.receivedAt).isEqualTo(at("2024-03-04T09:00:00+07:00"));
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> p = new ArrayList<>();
                p.add(first);
                p.addAll(tail);
                all.add(p);
            }
        }
        return all;
    }
}
