package vn.edu.haiphong.dvc.dossier.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.contract.UnitType;

@Entity
@Table(name = "unit")
public class UnitEntity {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public UnitType type;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "adult_population")
    public Long adultPopulation;

    /** r2: a school broadcast system (the denominator of weekly-broadcasts). */
    @Column(name = "broadcast_system", nullable = false)
    public boolean broadcastSystem;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
