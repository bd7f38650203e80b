package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
