package vn.edu.haiphong.dvc.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class DossierEventTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2024-03-04T08:15:00+07:00");
    private static final Applicant CITIZEN = new Applicant(ApplicantKind.CITIZEN, "ab12", true, false);

    private static DossierEvent event(DossierEventType type, Channel channel, Boolean fullyOnline, Applicant applicant,
            OffsetDateTime dueAt, Outcome outcome, Integer rating) {
        return new DossierEvent("e-1", type, AT, "HS-1", "P-1", "SGDDT", channel, fullyOnline, applicant, dueAt, outcome, rating);
    }

    @Test
    void aCompleteEventOfEachTypeLacksNothing() {
        assertEquals(List.of(), event(DossierEventType.SUBMITTED, Channel.ONLINE, true, CITIZEN, null, null, null).missingFields());
        assertEquals(List.of(), event(DossierEventType.RECEIVED, null, null, null, AT.plusDays(5), null, null).missingFields());
        assertEquals(List.of(), event(DossierEventType.RESULT_ISSUED, null, null, null, null, Outcome.APPROVED, null).missingFields());
        assertEquals(List.of(), event(DossierEventType.RATED, null, null, null, null, null, 5).missingFields());
        for (DossierEventType bare : List.of(DossierEventType.DOSSIER_DIGITIZED, DossierEventType.RESULT_DIGITIZED,
                DossierEventType.RESULT_SYNCED, DossierEventType.WITHDRAWN, DossierEventType.SUPPLEMENT_REQUESTED,
                DossierEventType.SUPPLEMENT_RECEIVED)) {
            assertEquals(List.of(), event(bare, null, null, null, null, null, null).missingFields(), bare.name());
        }
    }

    @Test
    void eachTypeNamesTheFieldsItLacks() {
        assertEquals(List.of("channel", "fullyOnline", "applicant"),
                event(DossierEventType.SUBMITTED, null, null, null, null, null, null).missingFields());
        assertEquals(List.of("dueAt"), event(DossierEventType.RECEIVED, null, null, null, null, null, null).missingFields());
        assertEquals(List.of("outcome"), event(DossierEventType.RESULT_ISSUED, null, null, null, null, null, null).missingFields());
        assertEquals(List.of("rating"), event(DossierEventType.RATED, null, null, null, null, null, null).missingFields());
    }

    @Test
    void theCommonFieldsAreRequiredOfEveryType() {
        DossierEvent empty = new DossierEvent(null, null, null, null, null, null, null, null, null, null, null, null);
        assertEquals(DossierEvent.COMMON_FIELDS, empty.missingFields());
    }

    @Test
    void aCitizenMustSayWhetherAdultAndVneidAnOrganizationNeedNot() {
        Applicant citizen = new Applicant(ApplicantKind.CITIZEN, "ab12", null, null);
        assertEquals(List.of("applicant.adult", "applicant.vneid"),
                event(DossierEventType.SUBMITTED, Channel.ONLINE, false, citizen, null, null, null).missingFields());
        Applicant organization = new Applicant(ApplicantKind.ORGANIZATION, "0101234567", null, null);
        assertEquals(List.of(), event(DossierEventType.SUBMITTED, Channel.POSTAL, false, organization, null, null, null).missingFields());
        assertEquals(List.of("applicant.kind", "applicant.idHash"), event(DossierEventType.SUBMITTED, Channel.ONLINE, false,
                new Applicant(null, null, true, true), null, null, null).missingFields());
    }

    @Test
    void aTypeRequiresOnlyItsOwnFields() {
        assertTrue(DossierEventType.SUBMITTED.requires("applicant"));
        assertFalse(DossierEventType.RECEIVED.requires("applicant"));
        assertFalse(DossierEventType.WITHDRAWN.requires("rating"));
        assertTrue(ApplicantKind.CITIZEN.requires("adult"));
        assertFalse(ApplicantKind.ORGANIZATION.requires("adult"));
        assertFalse(ApplicantKind.CITIZEN.requires("id"));
    }

    @Test
    void aSupplementReceivedMayCarryANewAppointmentButNeedNot() {
        assertEquals(List.of(), event(DossierEventType.SUPPLEMENT_RECEIVED, null, null, null, AT.plusDays(3), null, null).missingFields());
        assertTrue(DossierEventType.SUPPLEMENT_RECEIVED.allows("dueAt"));
        assertFalse(DossierEventType.SUPPLEMENT_RECEIVED.requires("dueAt"));
        assertEquals(List.of(), DossierEventType.SUPPLEMENT_RECEIVED.requiredFields());
        assertFalse(DossierEventType.SUPPLEMENT_REQUESTED.allows("dueAt"));
        assertTrue(DossierEventType.RECEIVED.allows("dueAt"));
        assertFalse(DossierEventType.RECEIVED.allows("rating"));
        assertTrue(DossierEventType.SUBMITTED.allows("applicant"));
    }

    @Test
    void onlyRatingsAndSupplementEventsRepeat() {
        for (DossierEventType type : DossierEventType.values()) {
            boolean repeats = type == DossierEventType.RATED || type == DossierEventType.SUPPLEMENT_REQUESTED
                    || type == DossierEventType.SUPPLEMENT_RECEIVED;
            assertEquals(repeats, type.repeatable(), type.name());
        }
    }

    @Test
    void theDueIsSetByAReceiptOrAReceivedSupplementOnly() {
        for (DossierEventType type : DossierEventType.values()) {
            boolean setsDue = type == DossierEventType.RECEIVED || type == DossierEventType.SUPPLEMENT_RECEIVED;
            assertEquals(setsDue, type.setsDue(), type.name());
            // Whatever sets the due carries dueAt; nothing else does.
            assertEquals(setsDue, type.allows("dueAt"), type.name());
        }
    }
}
