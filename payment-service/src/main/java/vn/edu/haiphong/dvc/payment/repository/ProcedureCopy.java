package vn.edu.haiphong.dvc.payment.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of a procedure owned by dossier-service. */
@Entity
@Table(name = "procedure_copy")
public class ProcedureCopy {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    public String field;

    @Column(name = "eligible_fully_online", nullable = false)
    public boolean eligibleFullyOnline;

    @Column(name = "provided_fully_online", nullable = false)
    public boolean providedFullyOnline;

    @Column(name = "integrated_national_portal", nullable = false)
    public boolean integratedNationalPortal;

    @Column(name = "fee_bearing", nullable = false)
    public boolean feeBearing;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
