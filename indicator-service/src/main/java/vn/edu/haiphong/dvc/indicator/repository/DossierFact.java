package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the events of one dossier have said so far, whatever order they came in. */
@Entity
@Table(name = "dossier_fact")
public class DossierFact {

    @Id
    @Column(name = "dossier_code")
    public String dossierCode;

    @Column(name = "procedure_code", nullable = false)
    public String procedureCode;

    @Column(name = "unit_code", nullable = false)
    public String unitCode;

    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    @Column(name = "submitted_day")
    public LocalDate submittedDay;

    public String channel;

    @Column(name = "fully_online")
    public Boolean fullyOnline;

    /** The applicant's keyed hash, as published: never the id itself. */
    @Column(name = "applicant_hash")
    public String applicantHash;

    @Column(name = "applicant_adult_citizen")
    public Boolean applicantAdultCitizen;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "received_day")
    public LocalDate receivedDay;

    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "dossier_digitized", nullable = false)
    public boolean dossierDigitized;

    @Column(name = "result_issued_at")
    public OffsetDateTime resultIssuedAt;

    @Column(name = "result_day")
    public LocalDate resultDay;

    @Column(name = "result_digitized", nullable = false)
    public boolean resultDigitized;

    @Column(name = "result_synced", nullable = false)
    public boolean resultSynced;

    @Column(nullable = false)
    public boolean withdrawn;

    /** The latest rating by occurredAt (ties broken by eventId, so that arrival order never matters). */
    public Short rating;

    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;

    @Column(name = "rating_event_id")
    public String ratingEventId;

    @Column(name = "rating_day")
    public LocalDate ratingDay;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
