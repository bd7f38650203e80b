package vn.edu.haiphong.dvc.dossier.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dossier's fixed procedure and unit, and the milestones shown on the public progress page. */
@Entity
@Table(name = "dossier")
public class DossierEntity {

    @Id
    public String code;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "result_issued_at")
    public OffsetDateTime resultIssuedAt;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
