package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.PaymentEvent;

/** What the events of one payment transaction have said so far. A row of {@code payment_fact}. */
public class PaymentFact implements Fact<PaymentEvent> {

    public String transactionId;
    public String dossierCode;
    public String procedureCode;
    public String unitCode;
    public OffsetDateTime paidAt;
    public LocalDate paidDay;
    public String method;
    public Long amount;
    public boolean refunded;
    public OffsetDateTime updatedAt;

    @Override
    public String id() {
        return transactionId;
    }

    @Override
    public void record(PaymentEvent e, OffsetDateTime now) {
        switch (e.type()) {
            case PAID -> {
                paidAt = e.occurredAt();
                paidDay = DepartmentTime.dayOf(e.occurredAt());
                method = e.method().name();
                amount = e.amount();
            }
            case REFUNDED -> refunded = true;
        }
        updatedAt = now;
    }

    /** The counters this transaction adds to (none once refunded): each metric's rule ({@link Metric#counts(PaymentFact)}). */
    @Override
    public List<Contribution> contributions() {
        List<Contribution> c = new ArrayList<>();
        if (paidDay != null) {
            for (Metric metric : Metric.ADDITIVE) {
                if (metric.kind() == FactDay.FactKind.PAYMENT && metric.counts(this)) {
                    c.add(Contribution.of(unitCode, metric, paidDay, procedureCode));
                }
            }
        }
        return c;
    }

    @Override
    public Optional<AdultApplication> adultApplication() {
        return Optional.empty();
    }
}
