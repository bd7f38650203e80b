package vn.edu.haiphong.dvc.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.contract.PaymentMethod;

class PaymentFactTest {

    private static final OffsetDateTime PAID_AT = OffsetDateTime.parse("2024-03-31T17:00:00Z");

    private static PaymentFact paid(PaymentMethod method, boolean refunded) {
        PaymentFact f = new PaymentFact();
        f.transactionId = "GD-1";
        f.dossierCode = "HS-1";
        f.procedureCode = "P-1";
        f.unitCode = "SGDDT";
        f.record(new PaymentEvent("p", PaymentEventType.PAID, "GD-1", PAID_AT, "HS-1", "P-1", "SGDDT", 50_000L, method), PAID_AT);
        if (refunded) {
            f.record(new PaymentEvent("r", PaymentEventType.REFUNDED, "GD-1", PAID_AT.plusDays(1), "HS-1", "P-1", "SGDDT", null, null),
                    PAID_AT);
        }
        return f;
    }

    @Test
    void aPaymentCountsOnItsDayInHaiPhongByItsMethod() {
        LocalDate day = LocalDate.of(2024, 4, 1);
        assertThat(paid(PaymentMethod.NATIONAL_PORTAL, false).contributions()).containsExactlyInAnyOrder(
                Contribution.of("SGDDT", Metric.PAID, day, ""),
                Contribution.of("SGDDT", Metric.PAID_NATIONAL_PORTAL, day, "P-1"),
                Contribution.of("SGDDT", Metric.PAID_CASHLESS, day, ""),
                Contribution.of("SGDDT", Metric.PAID_ONLINE, day, ""));
        // Paid online elsewhere: online (19) and cashless, not on the National Portal.
        assertThat(paid(PaymentMethod.OTHER_ONLINE, false).contributions()).extracting(Contribution::metric)
                .containsExactlyInAnyOrder(Metric.PAID, Metric.PAID_CASHLESS, Metric.PAID_ONLINE);
        assertThat(paid(PaymentMethod.BANK_TRANSFER, false).contributions()).extracting(Contribution::metric)
                .containsExactlyInAnyOrder(Metric.PAID, Metric.PAID_CASHLESS);
        assertThat(paid(PaymentMethod.CASH, false).contributions()).extracting(Contribution::metric).containsExactly(Metric.PAID);
    }

    @Test
    void aRefundedPaymentCountsForNothingWhicheverCameFirst() {
        assertThat(paid(PaymentMethod.NATIONAL_PORTAL, true).contributions()).isEmpty();
        PaymentFact refundFirst = new PaymentFact();
        refundFirst.unitCode = "SGDDT";
        refundFirst.procedureCode = "P-1";
        refundFirst.record(new PaymentEvent("r", PaymentEventType.REFUNDED, "GD-1", PAID_AT, "HS-1", "P-1", "SGDDT", null, null), PAID_AT);
        assertThat(refundFirst.contributions()).isEmpty();
        refundFirst.record(new PaymentEvent("p", PaymentEventType.PAID, "GD-1", PAID_AT, "HS-1", "P-1", "SGDDT", 1L,
                PaymentMethod.NATIONAL_PORTAL), PAID_AT);
        assertThat(refundFirst.contributions()).isEqualTo(List.of());
        assertThat(refundFirst.adultApplication()).isEmpty();
    }
}
