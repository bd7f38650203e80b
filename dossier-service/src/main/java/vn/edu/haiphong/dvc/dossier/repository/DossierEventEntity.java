package vn.edu.haiphong.dvc.dossier.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.ingest.store.AcceptedEvent;

/** An accepted dossier event, stored as published: the applicant's id appears only as its keyed hash. */
@Entity
@Table(name = "dossier_event")
public class DossierEventEntity extends AcceptedEvent {

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DossierEventType type;

    public static DossierEventEntity of(DossierEvent event, String payload, String contentHash, OffsetDateTime now) {
        DossierEventEntity entity = new DossierEventEntity();
        entity.fill(event.eventId(), event.occurredAt(), payload, contentHash, now);
        entity.dossierCode = event.dossierCode();
        entity.type = event.type();
        return entity;
    }
}
