package vn.edu.haiphong.dvc.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaymentEventTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2024-03-04T08:20:00+07:00");

    @Test
    void aPaymentNamesItsAmountAndMethodARefundNeedNot() {
        assertEquals(List.of(), new PaymentEvent("p-1", PaymentEventType.PAID, "GD-1", AT, "HS-1", "P-1", "SGDDT", 50_000L,
                PaymentMethod.NATIONAL_PORTAL).missingFields());
        assertEquals(List.of("amount", "method"),
                new PaymentEvent("p-1", PaymentEventType.PAID, "GD-1", AT, "HS-1", "P-1", "SGDDT", null, null).missingFields());
        assertEquals(List.of(),
                new PaymentEvent("p-2", PaymentEventType.REFUNDED, "GD-1", AT, "HS-1", "P-1", "SGDDT", null, null).missingFields());
    }

    @Test
    void theCommonFieldsAreRequiredOfEveryType() {
        assertEquals(PaymentEvent.COMMON_FIELDS,
                new PaymentEvent(null, null, null, null, null, null, null, null, null).missingFields());
    }

    @Test
    void referenceRecordsNameWhatTheyLack() {
        assertEquals(List.of("name", "type"), new UnitRecord("SGDDT", null, null, null, null).missingFields());
        assertEquals(List.of(), new UnitRecord("SGDDT", "Sở GDĐT Hải Phòng", UnitType.DEPARTMENT, null, null).missingFields());
        assertEquals(List.of("code"), new ProcedureRecord(null, "Cấp bản sao văn bằng", null, false, false, false, false).missingFields());
    }
}
