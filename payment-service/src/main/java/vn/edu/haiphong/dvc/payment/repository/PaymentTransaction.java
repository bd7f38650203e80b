package vn.edu.haiphong.dvc.payment.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.contract.PaymentMethod;

/** A payment transaction: what its PAID and REFUNDED events said, whichever came first. */
@Entity
@Table(name = "payment_transaction")
public class PaymentTransaction {

    @Id
    @Column(name = "transaction_id")
    public String transactionId;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** Whole VND, from the PAID event. */
    public Long amount;

    @Enumerated(EnumType.STRING)
    public PaymentMethod method;

    @Column(name = "paid_event_id")
    public String paidEventId;

    @Column(name = "paid_at")
    public OffsetDateTime paidAt;

    @Column(name = "refund_event_id")
    public String refundEventId;

    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;

    /** Whole VND, when the REFUNDED event named it; a refund is always of the whole amount. */
    @Column(name = "refund_amount")
    public Long refundAmount;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
