package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;

/** A dossier's fact and what it counts for: the rules of section 5 on one dossier, whatever order its events come in. */
class DossierFactTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2024-06-01T00:00:00Z");
    // 23:30 on 31 January in Hai Phong (16:30 UTC): the dossier is of 31 January.
    private static final OffsetDateTime SUBMITTED_AT = OffsetDateTime.parse("2024-01-31T16:30:00Z");

    private static DossierEvent event(String id, DossierEventType type, OffsetDateTime at) {
        return switch (type) {
            case SUBMITTED -> new DossierEvent(id, type, at, "HS-1", "P-1", "PGD-LC", Channel.ONLINE, true,
                    new Applicant(ApplicantKind.CITIZEN, "hash-1", true, false), null, null, null);
            case RECEIVED -> new DossierEvent(id, type, at, "HS-1", "P-1", "PGD-LC", null, null, null, at.plusDays(5), null, null);
            case RESULT_ISSUED -> new DossierEvent(id, type, at, "HS-1", "P-1", "PGD-LC", null, null, null, null, Outcome.APPROVED, null);
            case RATED -> new DossierEvent(id, type, at, "HS-1", "P-1", "PGD-LC", null, null, null, null, null, 5);
            default -> new DossierEvent(id, type, at, "HS-1", "P-1", "PGD-LC", null, null, null, null, null, null);
        };
    }

    private static List<DossierEvent> lifecycle() {
        return List.of(event("s", DossierEventType.SUBMITTED, SUBMITTED_AT),
                event("r", DossierEventType.RECEIVED, SUBMITTED_AT.plusDays(1)),
                event("d", DossierEventType.DOSSIER_DIGITIZED, SUBMITTED_AT.plusDays(1)),
                event("i", DossierEventType.RESULT_ISSUED, SUBMITTED_AT.plusDays(3)),
                event("rd", DossierEventType.RESULT_DIGITIZED, SUBMITTED_AT.plusDays(3)),
                event("rs", DossierEventType.RESULT_SYNCED, SUBMITTED_AT.plusDays(4)),
                event("v", DossierEventType.RATED, SUBMITTED_AT.plusDays(5)));
    }

    private static DossierFact recorded(List<DossierEvent> events) {
        DossierFact f = new DossierFact();
        f.dossierCode = "HS-1";
        f.procedureCode = "P-1";
        f.unitCode = "PGD-LC";
        events.forEach(e -> f.record(e, NOW));
        return f;
    }

    @Test
    void aCompleteOnlineDossierCountsInEveryMetricOfItsDaysOnTheDepartmentsClock() {
        DossierFact f = recorded(lifecycle());
        LocalDate submitted = LocalDate.of(2024, 1, 31);
        LocalDate result = LocalDate.of(2024, 2, 3);
        assertThat(f.contributions()).containsExactlyInAnyOrder(
                Contribution.of("PGD-LC", Metric.SUBMITTED, submitted, "P-1"),
                Contribution.of("PGD-LC", Metric.SUBMITTED_ONLINE, submitted, ""),
                Contribution.of("PGD-LC", Metric.SUBMITTED_FULLY_ONLINE, submitted, "P-1"),
                Contribution.of("PGD-LC", Metric.SUBMITTED_RECEIVED, submitted, ""),
                Contribution.of("PGD-LC", Metric.ADULT_ONLINE_DOSSIERS, submitted, ""),
                // A citizen without VNeID: counted among citizens' dossiers, not among those with VNeID.
                Contribution.of("PGD-LC", Metric.SUBMITTED_BY_CITIZEN, submitted, ""),
                Contribution.of("PGD-LC", Metric.RECEIVED, LocalDate.of(2024, 2, 1), ""),
                Contribution.of("PGD-LC", Metric.RECEIVED_DIGITIZED, LocalDate.of(2024, 2, 1), ""),
                Contribution.of("PGD-LC", Metric.RESULT, result, ""),
                Contribution.of("PGD-LC", Metric.RESULT_DIGITIZED, result, ""),
                Contribution.of("PGD-LC", Metric.RESULT_SYNCED, result, ""),
                Contribution.of("PGD-LC", Metric.RESULT_RECEIVED, result, ""),
                Contribution.of("PGD-LC", Metric.RESULT_ON_TIME, result, ""),
                Contribution.of("PGD-LC", Metric.RESULT_BOTH_DIGITIZED, result, ""),
                Contribution.of("PGD-LC", Metric.RATED, LocalDate.of(2024, 2, 5), ""),
                Contribution.of("PGD-LC", Metric.RATED_GOOD, LocalDate.of(2024, 2, 5), ""),
                // r2: ended on the day of its result, before its due; open at the cut-offs of 1 and 2 February.
                Contribution.of("PGD-LC", Metric.ENDED, result, ""),
                Contribution.of("PGD-LC", Metric.ENDED_ON_TIME, result, ""),
                Contribution.of("PGD-LC", Metric.ENDED_WITHOUT_COMPLAINT, result, ""),
                Contribution.change("PGD-LC", Metric.OPEN_AT_CUT_OFF, LocalDate.of(2024, 2, 1), 1),
                Contribution.change("PGD-LC", Metric.OPEN_AT_CUT_OFF, result, -1));
        assertThat(f.adultApplication()).contains(new AdultApplication("PGD-LC", submitted, "hash-1"));
    }

    @Test
    void theFactIsTheSameWhateverOrderItsEventsCameIn() {
        List<Contribution> inOrder = recorded(lifecycle()).contributions();
        Random random = new Random(14);
        for (int i = 0; i < 20; i++) {
            List<DossierEvent> shuffled = new ArrayList<>(lifecycle());
            Collections.shuffle(shuffled, random);
            assertThat(recorded(shuffled).contributions()).containsExactlyInAnyOrderElementsOf(inOrder);
        }
    }

    @Test
    void aResultAfterItsDueTimeIsNotOnTimeAndOneWithoutReceptionIsNeither() {
        DossierFact late = recorded(List.of(event("r", DossierEventType.RECEIVED, SUBMITTED_AT),
                event("i", DossierEventType.RESULT_ISSUED, SUBMITTED_AT.plusDays(6))));
        assertThat(late.contributions()).extracting(Contribution::metric)
                .containsExactlyInAnyOrder(Metric.RECEIVED, Metric.RESULT, Metric.RESULT_RECEIVED, Metric.ENDED,
                        Metric.OPEN_AT_CUT_OFF, Metric.OPEN_AT_CUT_OFF, Metric.OPEN_LATE_AT_CUT_OFF, Metric.OPEN_LATE_AT_CUT_OFF);
        DossierFact neverReceived = recorded(List.of(event("i", DossierEventType.RESULT_ISSUED, SUBMITTED_AT)));
        assertThat(neverReceived.contributions()).extracting(Contribution::metric).containsExactly(Metric.RESULT);
    }

    @Test
    void onlyTheLatestRatingCountsByTimeThenEventId() {
        DossierEvent good = new DossierEvent("b", DossierEventType.RATED, SUBMITTED_AT, "HS-1", "P-1", "PGD-LC", null, null, null,
                null, null, 5);
        DossierEvent poorLater = new DossierEvent("a", DossierEventType.RATED, SUBMITTED_AT.plusHours(1), "HS-1", "P-1", "PGD-LC",
                null, null, null, null, null, 2);
        DossierEvent poorSameTimeLowerId = new DossierEvent("a", DossierEventType.RATED, SUBMITTED_AT, "HS-1", "P-1", "PGD-LC",
                null, null, null, null, null, 1);
        assertThat(recorded(List.of(good, poorLater)).contributions()).extracting(Contribution::metric).containsExactly(Metric.RATED);
        assertThat(recorded(List.of(poorLater, good)).contributions()).extracting(Contribution::metric).containsExactly(Metric.RATED);
        assertThat(recorded(List.of(good, poorSameTimeLowerId)).contributions()).extracting(Contribution::metric)
                .containsExactlyInAnyOrder(Metric.RATED, Metric.RATED_GOOD);
    }

    @Test
    void anOrganizationOrAnInPersonApplicantIsNoAdultOnlineUserAndOnlyACitizenCountsForVneid() {
        DossierEvent organization = new DossierEvent("s", DossierEventType.SUBMITTED, SUBMITTED_AT, "HS-1", "P-1", "PGD-LC",
                Channel.ONLINE, false, new Applicant(ApplicantKind.ORGANIZATION, "hash-2", null, null), null, null, null);
        DossierEvent inPerson = new DossierEvent("s", DossierEventType.SUBMITTED, SUBMITTED_AT, "HS-1", "P-1", "PGD-LC",
                Channel.IN_PERSON, false, new Applicant(ApplicantKind.CITIZEN, "hash-3", true, true), null, null, null);
        assertThat(recorded(List.of(organization)).adultApplication()).isEmpty();
        assertThat(recorded(List.of(inPerson)).adultApplication()).isEmpty();
        assertThat(recorded(List.of(inPerson)).contributions()).extracting(Contribution::metric)
                .containsExactlyInAnyOrder(Metric.SUBMITTED, Metric.SUBMITTED_BY_CITIZEN, Metric.SUBMITTED_BY_VNEID_CITIZEN);
        assertThat(recorded(List.of(organization)).contributions()).extracting(Contribution::metric)
                .containsExactlyInAnyOrder(Metric.SUBMITTED, Metric.SUBMITTED_ONLINE);
    }
}
