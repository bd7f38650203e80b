package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.indicator.domain.Contribution;
import vn.edu.haiphong.dvc.indicator.domain.Metric;

/** What the events of one payment transaction have said so far. */
@Entity
@Table(name = "payment_fact")
public class PaymentFact {

    @Id
    @Column(name = "transaction_id")
    public String transactionId;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "paid_day")
    public LocalDate paidDay;

    public String method;

    public Long amount;

    @Column(nullable = false)
    public boolean refunded;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** The counters this transaction adds to: none once refunded; the SQL of dvc_recount() says the same. */
    public List<Contribution> contributions() {
        List<Contribution> c = new ArrayList<>();
        if (paidDay != null && !refunded) {
            c.add(Contribution.of(unitCode, Metric.PAID, paidDay, procedureCode));
            if ("NATIONAL_PORTAL".equals(method)) {
                c.add(Contribution.of(unitCode, Metric.PAID_NATIONAL_PORTAL, paidDay, procedureCode));
            }
            if (!"CASH".equals(method)) {
                c.add(Contribution.of(unitCode, Metric.PAID_CASHLESS, paidDay, procedureCode));
            }
        }
        return c;
    }
}
