package vn.edu.haiphong.dvc.indicator.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.repository.DossierFact;
import vn.edu.haiphong.dvc.indicator.repository.FactRepository;
import vn.edu.haiphong.dvc.indicator.repository.PaymentFact;

/**
 * Fills in the facts from the events, exactly once each: the event's id is recorded in the transaction
 * that changes the facts, so a redelivered event finds it and changes nothing. A fact is the same
 * whatever order its events arrive in: each event sets its own fields, and only the latest rating (by
 * occurredAt, then eventId) is kept.
 */
@ApplicationScoped
public class FactUpdater {

    public static final ZoneOffset DEPARTMENT_OFFSET = ZoneOffset.ofHours(7);

    /** A message read from one of the topics, already parsed into its contract type. */
    public record Received(String topic, Object message) {
    }

    private final FactRepository facts;

    public FactUpdater(FactRepository facts) {
        this.facts = facts;
    }

    /** Applies a batch in one transaction. @return how many events changed the facts (redeliveries excluded) */
    @Transactional
    public int apply(List<Received> batch) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int applied = 0;
        for (Received in : batch) {
            Object message = in.message();
            if (message instanceof DossierEvent e) {
                if (facts.markProcessed(Topics.DOSSIER_EVENTS, e.eventId(), now)) {
                    apply(facts.dossier(e.dossierCode(), e.procedureCode(), e.unitCode(), now), e, now);
                    applied++;
                }
            } else if (message instanceof PaymentEvent e) {
                if (facts.markProcessed(Topics.PAYMENT_EVENTS, e.eventId(), now)) {
                    apply(facts.payment(e.transactionId(), e.dossierCode(), e.procedureCode(), e.unitCode(), now), e, now);
                    applied++;
                }
            } else if (message instanceof UnitRecord unit) {
                facts.save(unit, now);
            } else if (message instanceof ProcedureRecord procedure) {
                facts.save(procedure, now);
            } else {
                throw new IllegalArgumentException("Not a message of ours: " + message.getClass());
            }
        }
        return applied;
    }

    static void apply(DossierFact f, DossierEvent e, OffsetDateTime now) {
        switch (e.type()) {
            case SUBMITTED -> {
                f.submittedAt = e.occurredAt();
                f.submittedDay = day(e.occurredAt());
                f.channel = e.channel().name();
                f.fullyOnline = e.fullyOnline();
                f.applicantHash = e.applicant().idHash();
                f.applicantAdultCitizen = e.applicant().kind() == ApplicantKind.CITIZEN && Boolean.TRUE.equals(e.applicant().adult());
            }
            case RECEIVED -> {
                f.receivedAt = e.occurredAt();
                f.receivedDay = day(e.occurredAt());
                f.dueAt = e.dueAt();
            }
            case DOSSIER_DIGITIZED -> f.dossierDigitized = true;
            case RESULT_ISSUED -> {
                f.resultIssuedAt = e.occurredAt();
                f.resultDay = day(e.occurredAt());
            }
            case RESULT_DIGITIZED -> f.resultDigitized = true;
            case RESULT_SYNCED -> f.resultSynced = true;
            case WITHDRAWN -> f.withdrawn = true;
            case RATED -> {
                boolean later = f.ratedAt == null || e.occurredAt().isAfter(f.ratedAt)
                        || (e.occurredAt().isEqual(f.ratedAt) && e.eventId().compareTo(f.ratingEventId) > 0);
                if (later) {
                    f.rating = e.rating().shortValue();
                    f.ratedAt = e.occurredAt();
                    f.ratingEventId = e.eventId();
                    f.ratingDay = day(e.occurredAt());
                }
            }
        }
        f.updatedAt = now;
    }

    static void apply(PaymentFact f, PaymentEvent e, OffsetDateTime now) {
        switch (e.type()) {
            case PAID -> {
                f.paidAt = e.occurredAt();
                f.paidDay = day(e.occurredAt());
                f.method = e.method().name();
                f.amount = e.amount();
            }
            case REFUNDED -> f.refunded = true;
        }
        f.updatedAt = now;
    }

    public static LocalDate day(OffsetDateTime time) {
        return time.atZoneSameInstant(DEPARTMENT_OFFSET).toLocalDate();
    }
}
