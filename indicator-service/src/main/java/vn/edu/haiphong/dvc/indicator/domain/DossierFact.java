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
    /** r2: whether the applicant is a citizen (kind CITIZEN), and whether a citizen with VNeID; null before SUBMITTED. */
    public Boolean applicantCitizen;
    public Boolean applicantVneid;
    public OffsetDateTime receivedAt;
    public LocalDate receivedDay;
    /** The dossier's due (section 2): the appointment of its latest RECEIVED or SUPPLEMENT_RECEIVED that carries one. */
    public OffsetDateTime dueAt;
    public boolean dossierDigitized;
    public OffsetDateTime resultIssuedAt;
    public LocalDate resultDay;
    public boolean resultDigitized;
    public boolean resultSynced;
    public boolean withdrawn;
    public OffsetDateTime withdrawnAt;
    /** Its RECEIVED and supplement events, which decide its due and whether it waits on the applicant (r2). */
    public List<Processing.StepEvent> steps = new ArrayList<>();
    /** The latest rating by occurredAt (ties broken by eventId, so that arrival order never matters). */
    public Short rating;
    public OffsetDateTime ratedAt;
    public String ratingEventId;
    public LocalDate ratingDay;
    public OffsetDateTime updatedAt;

    // What its steps and end make of it (derived, kept for the counters and the lists; see Processing).
    /** The day of its due. */
    public LocalDate dueDay;
    /** When its processing ended: the earlier of its result and its withdrawal. */
    public OffsetDateTime endedAt;
    public LocalDate endDay;
    /** How many SUPPLEMENT_REQUESTED events it has. */
    public int supplementRequests;
    /** The request it waits on now (all its events counted), null when it does not wait on the applicant. */
    public OffsetDateTime waitingSince;
    /** The days at whose cut-off it is open; null when never. */
    public Processing.DayRun openDays;
    /** The days at whose cut-off it is late. */
    public List<Processing.DayRun> lateDays = List.of();
    /** The days at whose cut-off it is open and late. */
    public List<Processing.DayRun> openLateDays = List.of();
    /** Late once every event counts ({@code lateAt(END_OF_TIME)}; for an ended dossier: at any cut-off from now on; an open one with no request is, its due being past at the end of time). */
    public boolean lateFinal;
    /** Late at the cut-off of its end day (null while not ended). */
    public Boolean endedLate;
    /** Whether its lateness at every cut-off from its end day on is {@link #endedLate} ({@link Processing#settledAtEnd}). */
    public boolean settledAtEnd = true;

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
                applicantCitizen = e.applicant().kind() == ApplicantKind.CITIZEN;
                applicantAdultCitizen = applicantCitizen && Boolean.TRUE.equals(e.applicant().adult());
                applicantVneid = applicantCitizen && Boolean.TRUE.equals(e.applicant().vneid());
            }
            case RECEIVED -> {
                receivedAt = e.occurredAt();
                receivedDay = DepartmentTime.dayOf(e.occurredAt());
                steps.add(new Processing.StepEvent(e.eventId(), Processing.Step.RECEIVED, e.occurredAt(), e.dueAt()));
            }
            case SUPPLEMENT_REQUESTED ->
                steps.add(new Processing.StepEvent(e.eventId(), Processing.Step.SUPPLEMENT_REQUESTED, e.occurredAt(), null));
            case SUPPLEMENT_RECEIVED ->
                steps.add(new Processing.StepEvent(e.eventId(), Processing.Step.SUPPLEMENT_RECEIVED, e.occurredAt(), e.dueAt()));
            case DOSSIER_DIGITIZED -> dossierDigitized = true;
            case RESULT_ISSUED -> {
                resultIssuedAt = e.occurredAt();
                resultDay = DepartmentTime.dayOf(e.occurredAt());
            }
            case RESULT_DIGITIZED -> resultDigitized = true;
            case RESULT_SYNCED -> resultSynced = true;
            case WITHDRAWN -> {
                withdrawn = true;
                withdrawnAt = e.occurredAt();
            }
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
        derive();
        updatedAt = now;
    }

    /** Its processing as its events stand (the contract's rules for dossiers in process). */
    public Processing processing() {
        OffsetDateTime ended = resultIssuedAt;
        if (withdrawnAt != null && (ended == null || withdrawnAt.isBefore(ended))) {
            ended = withdrawnAt;
        }
        return new Processing(steps, ended);
    }

    /** Sets what its steps and end make of it. */
    public void derive() {
        Processing p = processing();
        OffsetDateTime all = Processing.END_OF_TIME;
        dueAt = p.dueAt(all);
        dueDay = dueAt == null ? null : DepartmentTime.dayOf(dueAt);
        endedAt = p.endedAt();
        endDay = endedAt == null ? null : DepartmentTime.dayOf(endedAt);
        supplementRequests = p.supplementRequests(all);
        Processing.StepEvent waiting = p.waitingOn(all);
        waitingSince = waiting == null ? null : waiting.at();
        openDays = p.openDays();
        lateDays = p.lateDays();
        openLateDays = p.openLateDays();
        lateFinal = p.lateAt(all);
        endedLate = endedAt == null ? null : p.lateAt(Processing.cutOff(endDay));
        settledAtEnd = p.settledAtEnd();
    }

    /** Received and not ended: open now (events stamped ahead of the clock, which the contract allows by minutes, count as come). */
    public boolean openNow() {
        return receivedAt != null && endedAt == null;
    }

    /** Open now and late whatever the clock says: two requests, or waiting on a request made after its due. */
    public boolean lateWhateverTheClock() {
        return openNow() && (supplementRequests >= 2 || (waitingSince != null && dueAt != null && waitingSince.isAfter(dueAt)));
    }

    /** Open now, late only once its due passes: not waiting, fewer than two requests. */
    public boolean lateWhenDuePasses() {
        return openNow() && waitingSince == null && supplementRequests < 2;
    }

    /** The day that places this dossier in a metric's period; null while its event has not come. */
    public LocalDate day(FactDay day) {
        return switch (day) {
            case SUBMITTED -> submittedDay;
            case RECEIVED -> receivedDay;
            case RESULT -> resultDay;
            case RATING -> ratingDay;
            case ENDED -> endDay;
            case DUE -> dueDay;
            case CUT_OFF -> throw new IllegalArgumentException("Runs of days, not one day: Metric.runs");
            case PAID -> throw new IllegalArgumentException("A dossier is not paid: its transactions are");
        };
    }

    /** The counters this dossier adds to, as its events stand: each metric's rule ({@link Metric#counts(DossierFact)}). */
    @Override
    public List<Contribution> contributions() {
        List<Contribution> c = new ArrayList<>();
        for (Metric metric : Metric.ADDITIVE) {
            if (metric.day == FactDay.CUT_OFF) {
                for (Processing.DayRun run : metric.runs(this)) {
                    c.add(Contribution.change(unitCode, metric, run.from(), 1));
                    if (run.until() != null) {
                        c.add(Contribution.change(unitCode, metric, run.until(), -1));
                    }
                }
            } else if (metric.kind() == FactDay.FactKind.DOSSIER) {
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
