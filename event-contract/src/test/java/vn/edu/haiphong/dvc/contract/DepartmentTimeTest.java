package vn.edu.haiphong.dvc.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DepartmentTimeTest {

    @Test
    void theDayIsTheDepartmentsWhateverOffsetTheTimeCameWith() {
        // 17:30 UTC on 31 December is already 1 January in Hai Phong.
        assertEquals(LocalDate.of(2025, 1, 1), DepartmentTime.dayOf(OffsetDateTime.parse("2024-12-31T17:30:00Z")));
        assertEquals(LocalDate.of(2024, 12, 31), DepartmentTime.dayOf(OffsetDateTime.parse("2024-12-31T16:59:59Z")));
        assertEquals(LocalDate.of(2024, 3, 4), DepartmentTime.dayOf(OffsetDateTime.parse("2024-03-04T00:00:00+07:00")));
    }

    @Test
    void todayAndNowReadTheDepartmentsClock() {
        Clock clock = Clock.fixed(Instant.parse("2024-06-30T18:00:00.123Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2024, 7, 1), DepartmentTime.today(clock));
        assertEquals(OffsetDateTime.parse("2024-07-01T01:00:00+07:00"), DepartmentTime.now(clock));
        assertEquals(ZoneOffset.ofHours(7), DepartmentTime.now(clock).getOffset());
    }

    @Test
    void theEarliestEventIsMidnightOfYear2000InHaiPhong() {
        assertEquals(OffsetDateTime.parse("1999-12-31T17:00:00Z").toInstant(), ContractLimits.EARLIEST.toInstant());
    }
}
