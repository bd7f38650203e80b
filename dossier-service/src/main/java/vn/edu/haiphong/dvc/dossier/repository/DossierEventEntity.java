package vn.edu.haiphong.dvc.dossier.repository;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.contract.DossierEventType;

/** An accepted dossier event, stored as published: the applicant's id appears only as its keyed hash. */
@Entity
@Table(name = "dossier_event")
public class DossierEventEntity {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "dossier_code", nullable = false)
    public String dossierCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DossierEventType type;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    /** SHA-256 of the event's canonical JSON: a re-sent event is a duplicate only if this matches. */
    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(nullable = false)
    public String payload;

    @Column(name = "accepted_at", nullable = false)
    public OffsetDateTime acceptedAt;
}
