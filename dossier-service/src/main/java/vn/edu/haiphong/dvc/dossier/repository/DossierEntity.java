package vn.edu.haiphong.dvc.dossier.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.contract.DossierEventType;

/**
 * A dossier's fixed procedure and unit, and the milestones shown on the public progress page, kept so that they come out
 * the same whatever order the events arrive in ({@link vn.edu.haiphong.dvc.dossier.mapping.Milestones}).
 */
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

    /** The current due: the dueAt of the latest due-setting event ({@code dueSetAt}, {@code dueSetBy}). */
    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "due_set_at")
    public OffsetDateTime dueSetAt;

    @Column(name = "due_set_by")
    public String dueSetBy;

    /** When the latest supplement event occurred, and which of the two it was. */
    @Column(name = "last_supplement_at")
    public OffsetDateTime lastSupplementAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "last_supplement_type")
    public DossierEventType lastSupplementType;

    @Column(name = "result_issued_at")
    public OffsetDateTime resultIssuedAt;

    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
