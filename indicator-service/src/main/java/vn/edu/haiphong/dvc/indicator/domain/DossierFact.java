package vn.edu.haiphong.dvc.indicator.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.DepartmentTime;
import vn.edu.haiphong.dvc.contract.DossierEvent;

/**
 * What the events of one dossier have said so far, whatever order they came in: each event sets its own fields,
 * and only the latest rating (by occurredAt, then eventId) is kept. A row of {@code dossier_fact}.
 */
public class DossierFact implements Fact<DossierEvent> {

    public String dossierCode;
    public String procedureCode;
    public String unitCode;
    public OffsetDateTime submittedAt;
    public LocalDate submittedDay;
    public String channel;
    public Boolean fullyOnline;
    /** The applicant's keyed hash, as published: never the id itself. */
    public String applicantHash;
    public Boolean applicantAdultCitizen;
    public OffsetDateTime receivedAt;
    public LocalDate receivedDay;
    public OffsetDateTime dueAt;
    public boolean dossierDigitized;
    public OffsetDateTime resultIssuedAt;
    public LocalDate resultDay;
    public boolean resultDigitized;
    public boolean resultSynced;
    public boolean withdrawn;
    /** The latest rating by occurredAt (ties broken by eventId, so that arrival order never matters). */
    public Short rating;
    public OffsetDateTime ratedAt;
    public String ratingEventId;
    public LocalDate ratingDay;
    public OffsetDateTime updatedAt;

    @Override
    public String id() {
        return dossierCode;
    }

    /** Takes in what one event says. */
    @Override
    public void record(DossierEvent e, OffsetDateTime now) {
        switch (e.type()) {
            case SUBMITTED -> {
                submittedAt = e.occurredAt();
                submittedDay = DepartmentTime.dayOf(e.occurredAt());
                channel = e.channel().name();
                fullyOnline = e.fullyOnline();
                applicantHash = e.applicant().idHash();
                applicantAdultCitizen = e.applicant().kind() == ApplicantKind.CITIZEN && Boolean.TRUE.equals(e.applicant().adult());
            }
            case RECEIVED -> {
                receivedAt = e.occurredAt();
                receivedDay = DepartmentTime.dayOf(e.occurredAt());
                dueAt = e.dueAt();
            }
            case DOSSIER_DIGITIZED -> dossierDigitized = true;
            case RESULT_ISSUED -> {
                resultIssuedAt = e.occurredAt();
                resultDay = DepartmentTime.dayOf(e.occurredAt());
            }
            case RESULT_DIGITIZED -> resultDigitized = true;
            case RESULT_SYNCED -> resultSynced = true;
            case WITHDRAWN -> withdrawn = true;
            case RATED -> {
                boolean later = ratedAt == null || e.occurredAt().isAfter(ratedAt)
                        || (e.occurredAt().isEqual(ratedAt) && e.eventId().compareTo(ratingEventId) > 0);
                if (later) {
                    rating = e.rating().shortValue();
                    ratedAt = e.occurredAt();
                    ratingEventId = e.eventId();
                    ratingDay = DepartmentTime.dayOf(e.occurredAt());
                }
            }
        }
        updatedAt = now;
    }

    /** The day that places this dossier in a metric's period; null while its event has not come. */
    public LocalDate day(FactDay day) {
        return switch (day) {
            case SUBMITTED -> submittedDay;
            case RECEIVED -> receivedDay;
            case RESULT -> resultDay;
            case RATING -> ratingDay;
            case PAID -> throw new IllegalArgumentException("A dossier is not paid: its transactions are");
        };
    }

    /** The counters this dossier adds to, as its events stand: each metric's rule ({@link Metric#counts(DossierFact)}). */
    @Override
    public List<Contribution> contributions() {
        List<Contribution> c = new ArrayList<>();
        for (Metric metric : Metric.ADDITIVE) {
            if (metric.kind() == FactDay.FactKind.DOSSIER) {
                LocalDate day = day(metric.day);
                if (day != null && metric.counts(this)) {
                    c.add(Contribution.of(unitCode, metric, day, procedureCode));
                }
            }
        }
        return c;
    }

    /** The applicant this dossier makes one of the adult citizens who applied online, on its day, if it does. */
    @Override
    public Optional<AdultApplication> adultApplication() {
        return submittedDay != null && Metric.ADULT_ONLINE_DOSSIERS.counts(this)
                ? Optional.of(new AdultApplication(unitCode, submittedDay, applicantHash))
                : Optional.empty();
    }
}
