package vn.edu.haiphong.dvc.dossier.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.ingest.store.AcceptedEvent;

/** r2: an accepted outreach event (section 8), stored as published. */
@Entity
@Table(name = "outreach_event")
public class OutreachEventEntity extends AcceptedEvent {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutreachEventType type;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    /** occurredAt's date on the department's clock: what "in the period" reads. */
    @Column(nullable = false)
    public LocalDate day;

    public static OutreachEventEntity of(OutreachEvent event, String payload, String contentHash, OffsetDateTime now) {
        OutreachEventEntity entity = new OutreachEventEntity();
        entity.fill(event.eventId(), event.occurredAt(), payload, contentHash, now);
        entity.type = event.type();
        entity.unitCode = event.unitCode();
        entity.day = DepartmentTime.dayOf(event.occurredAt());
        return entity;
    }
}
