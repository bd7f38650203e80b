package vn.edu.haiphong.dvc.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class OutreachEventTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2024-03-04T07:15:00+07:00");

    @Test
    void aBroadcastNamesItsLengthASessionItsAudienceAndParticipants() {
        assertEquals(List.of(), new OutreachEvent("o-1", OutreachEventType.BROADCAST_AIRED, AT, "THPT-NGO-QUYEN",
                "Hướng dẫn nộp hồ sơ trực tuyến", 300, null, null).missingFields());
        assertEquals(List.of("durationSeconds"), new OutreachEvent("o-1", OutreachEventType.BROADCAST_AIRED, AT, "THPT-NGO-QUYEN",
                "Hướng dẫn nộp hồ sơ trực tuyến", null, null, null).missingFields());
        assertEquals(List.of("audience", "participants"), new OutreachEvent("o-2", OutreachEventType.SESSION_HELD, AT,
                "THPT-NGO-QUYEN", "Sinh hoạt chuyên đề", null, null, null).missingFields());
        assertEquals(OutreachEvent.COMMON_FIELDS, new OutreachEvent(null, null, null, null, null, null, null, null).missingFields());
    }

    @Test
    void aTypeAllowsOnlyItsOwnFields() {
        assertTrue(OutreachEventType.BROADCAST_AIRED.allows("durationSeconds"));
        assertFalse(OutreachEventType.BROADCAST_AIRED.allows("participants"));
        assertTrue(OutreachEventType.SESSION_HELD.allows("audience"));
        assertFalse(OutreachEventType.SESSION_HELD.allows("durationSeconds"));
    }

    @Test
    void aUnitHasNoBroadcastSystemUnlessItSaysSo() {
        assertFalse(new UnitRecord("THPT-A", "Trường THPT A", UnitType.SCHOOL, null, null).broadcastSystem());
    }
}
