package vn.edu.haiphong.dvc.indicator.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.domain.Contribution;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.repository.DossierFact;
import vn.edu.haiphong.dvc.indicator.repository.FactRepository;
import vn.edu.haiphong.dvc.indicator.repository.PaymentFact;

/**
 * Fills in the facts from the events, exactly once each: the event's id is recorded in the transaction
 * that changes the facts and the counters, so a redelivered event finds it and changes nothing. A fact is the same
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
    private final CounterRepository counters;

    public FactUpdater(FactRepository facts, CounterRepository counters) {
        this.facts = facts;
        this.counters = counters;
    }

    /**
     * Applies a batch in one transaction: reference records first, then every event not seen before, each
     * fact read and written once, and the counters moved by what the facts' contributions changed.
     *
     * @return how many events changed the facts (redeliveries excluded)
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "dvc.indicator.batch-transaction-timeout")
    public int apply(List<Received> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // First, before any other lock: a batch that may move the tree waits until no other batch counts, and holds
        // the others off until it commits; batches of events share it.
        counters.lockTree(batch.stream().anyMatch(in -> in.message() instanceof UnitRecord));
        Map<String, DossierEvent> dossierEvents = new LinkedHashMap<>();
        Map<String, PaymentEvent> paymentEvents = new LinkedHashMap<>();
        for (Received in : batch) {
            Object message = in.message();
            if (message instanceof DossierEvent e) {
                dossierEvents.putIfAbsent(e.eventId(), e);
            } else if (message instanceof PaymentEvent e) {
                paymentEvents.putIfAbsent(e.eventId(), e);
            } else if (message instanceof UnitRecord unit) {
                // The counters follow the tree at once, before this batch's events are counted under the tree as it now stands.
                facts.save(unit, now).ifPresent(counters::move);
            } else if (message instanceof ProcedureRecord procedure) {
                facts.save(procedure, now);
            } else {
                throw new IllegalArgumentException("Not a message of ours: " + message.getClass());
            }
        }
        Map<Contribution, Long> deltas = new HashMap<>();
        List<CounterRepository.AdultApplication> adults = new ArrayList<>();
        int applied = applyDossierEvents(dossierEvents, now, deltas, adults) + applyPaymentEvents(paymentEvents, now, deltas);
        counters.add(deltas, adults);
        counters.changed(now, applied > 0);
        return applied;
    }

    private int applyDossierEvents(Map<String, DossierEvent> events, OffsetDateTime now, Map<Contribution, Long> deltas,
            List<CounterRepository.AdultApplication> adults) {
        Set<String> fresh = facts.markProcessed(Topics.DOSSIER_EVENTS, events.keySet(), now);
        List<DossierEvent> toApply = events.values().stream().filter(e -> fresh.contains(e.eventId())).toList();
        Map<String, FactRepository.Key> keys = new TreeMap<>();
        toApply.forEach(e -> keys.putIfAbsent(e.dossierCode(),
                new FactRepository.Key(e.dossierCode(), e.dossierCode(), e.procedureCode(), e.unitCode())));
        Map<String, DossierFact> dossiers = facts.lockDossiers(keys.values(), now);
        Map<String, DossierFact> touched = new LinkedHashMap<>();
        Map<String, List<Contribution>> before = new HashMap<>();
        Map<String, Boolean> adultBefore = new HashMap<>();
        for (DossierEvent e : toApply) {
            DossierFact f = dossiers.get(e.dossierCode());
            if (touched.putIfAbsent(f.dossierCode, f) == null) {
                before.put(f.dossierCode, f.contributions());
                adultBefore.put(f.dossierCode, f.adultOnline());
            }
            apply(f, e, now);
        }
        for (DossierFact f : touched.values()) {
            difference(before.get(f.dossierCode), f.contributions(), deltas);
            if (f.adultOnline() && !adultBefore.get(f.dossierCode)) {
                adults.add(new CounterRepository.AdultApplication(f.unitCode, f.submittedDay, f.applicantHash));
            }
        }
        facts.saveDossiers(touched.values());
        return toApply.size();
    }

    private int applyPaymentEvents(Map<String, PaymentEvent> events, OffsetDateTime now, Map<Contribution, Long> deltas) {
        Set<String> fresh = facts.markProcessed(Topics.PAYMENT_EVENTS, events.keySet(), now);
        List<PaymentEvent> toApply = events.values().stream().filter(e -> fresh.contains(e.eventId())).toList();
        Map<String, FactRepository.Key> keys = new TreeMap<>();
        toApply.forEach(e -> keys.putIfAbsent(e.transactionId(),
                new FactRepository.Key(e.transactionId(), e.dossierCode(), e.procedureCode(), e.unitCode())));
        Map<String, PaymentFact> payments = facts.lockPayments(keys.values(), now);
        Map<String, PaymentFact> touched = new LinkedHashMap<>();
        Map<String, List<Contribution>> before = new HashMap<>();
        for (PaymentEvent e : toApply) {
            PaymentFact f = payments.get(e.transactionId());
            if (touched.putIfAbsent(f.transactionId, f) == null) {
                before.put(f.transactionId, f.contributions());
            }
            apply(f, e, now);
        }
        touched.values().forEach(f -> difference(before.get(f.transactionId), f.contributions(), deltas));
        facts.savePayments(touched.values());
        return toApply.size();
    }

    /** Adds what a fact contributes now and takes away what it contributed before. */
    private static void difference(List<Contribution> before, List<Contribution> after, Map<Contribution, Long> deltas) {
        before.forEach(c -> deltas.merge(c, -1L, Long::sum));
        after.forEach(c -> deltas.merge(c, 1L, Long::sum));
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
