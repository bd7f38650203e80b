package vn.edu.haiphong.dvc.payment.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** This service's copy of a unit owned by dossier-service. */
@Entity
@Table(name = "unit_copy")
public class UnitCopy {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "adult_population")
    public Long adultPopulation;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
