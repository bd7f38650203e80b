package vn.edu.haiphong.dvc.indicator.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import vn.edu.haiphong.dvc.indicator.domain.Contribution;
import vn.edu.haiphong.dvc.indicator.domain.Metric;

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

    /** Whether this dossier makes its applicant one of the adult citizens who applied online. */
    public boolean adultOnline() {
        return submittedDay != null && "ONLINE".equals(channel) && Boolean.TRUE.equals(applicantAdultCitizen);
    }

    /** The counters this dossier adds to, as its events stand; the SQL of dvc_recount() says the same. */
    public List<Contribution> contributions() {
        List<Contribution> c = new ArrayList<>();
        if (submittedDay != null) {
            add(c, Metric.SUBMITTED, submittedDay, true);
            add(c, Metric.SUBMITTED_ONLINE, submittedDay, "ONLINE".equals(channel));
            add(c, Metric.SUBMITTED_FULLY_ONLINE, submittedDay, Boolean.TRUE.equals(fullyOnline));
            add(c, Metric.SUBMITTED_RECEIVED, submittedDay, receivedAt != null);
            add(c, Metric.ADULT_ONLINE_DOSSIERS, submittedDay, adultOnline());
        }
        if (receivedDay != null) {
            add(c, Metric.RECEIVED, receivedDay, true);
            add(c, Metric.RECEIVED_DIGITIZED, receivedDay, dossierDigitized);
        }
        if (resultDay != null) {
            add(c, Metric.RESULT, resultDay, true);
            add(c, Metric.RESULT_DIGITIZED, resultDay, resultDigitized);
            add(c, Metric.RESULT_SYNCED, resultDay, resultSynced);
            add(c, Metric.RESULT_RECEIVED, resultDay, receivedAt != null);
            add(c, Metric.RESULT_ON_TIME, resultDay, receivedAt != null && dueAt != null && !resultIssuedAt.isAfter(dueAt));
        }
        if (ratingDay != null) {
            add(c, Metric.RATED, ratingDay, true);
            add(c, Metric.RATED_GOOD, ratingDay, rating != null && rating >= 4);
        }
        return c;
    }

    private void add(List<Contribution> c, Metric metric, LocalDate day, boolean counts) {
        if (counts) {
            c.add(Contribution.of(unitCode, metric, day, procedureCode));
        }
    }
}
