package vn.edu.haiphong.dvc.indicator.service;

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

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.indicator.domain.AdultApplication;
import vn.edu.haiphong.dvc.indicator.domain.Contribution;
import vn.edu.haiphong.dvc.indicator.domain.Fact;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.repository.DataVersionRepository;
import vn.edu.haiphong.dvc.indicator.repository.EventLog;
import vn.edu.haiphong.dvc.indicator.repository.FactRepository;
import vn.edu.haiphong.dvc.indicator.repository.OutreachFacts;
import vn.edu.haiphong.dvc.indicator.repository.ProcessedEvents;
import vn.edu.haiphong.dvc.indicator.repository.ReferenceCopies;

/**
 * Fills in the facts from the events, exactly once each: the event's id is recorded in the transaction
 * that changes the facts and the counters, so a redelivered event finds it and changes nothing. A fact is the same
 * whatever order its events arrive in ({@link Fact#record}); the counters move by what its contributions changed.
 */
@ApplicationScoped
public class FactUpdater {

    private final ProcessedEvents processed;
    private final FactRepository facts;
    private final ReferenceCopies references;
    private final CounterRepository counters;
    private final DataVersionRepository version;
    private final EventLog eventLog;
    private final OutreachFacts outreach;
    /** Until a batch has looked, assume they may wait. */
    private volatile boolean deferredInLastBatch = true;

    public FactUpdater(ProcessedEvents processed, FactRepository facts, ReferenceCopies references, CounterRepository counters,
            DataVersionRepository version, EventLog eventLog, OutreachFacts outreach) {
        this.eventLog = eventLog;
        this.outreach = outreach;
        this.processed = processed;
        this.facts = facts;
        this.references = references;
        this.counters = counters;
        this.version = version;
    }

    /**
     * Counts a batch in one transaction: reference records first, then every event not seen before, each
     * fact read and written once, and the counters moved by what the facts' contributions changed.
     *
     * @param shard the counter and data_version rows the batch writes ({@code EventConsumer.shardOf}): batches that run
     *        at the same time in different instances write different rows, and never wait on each other for them
     * @return how many events changed the facts (redeliveries excluded)
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "dvc.indicator.batch-transaction-timeout")
    public int count(List<Received> batch, short shard) {
        if (batch.isEmpty()) {
            return 0;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // First, before any other lock: a batch that may move the tree waits until no other batch counts, and holds
        // the others off until it commits; batches of events share it.
        counters.lockTree(batch.stream().anyMatch(in -> in instanceof Received.Unit));
        // A rebuild under way: the facts only, the counters are counted once from them at its end (recountDeferred).
        boolean countersDeferred = counters.recountPending();
        deferredInLastBatch = countersDeferred;
        Map<String, DossierEvent> dossierEvents = new LinkedHashMap<>();
        Map<String, PaymentEvent> paymentEvents = new LinkedHashMap<>();
        Map<String, OutreachEvent> outreachEvents = new LinkedHashMap<>();
        for (Received in : batch) {
            if (in instanceof Received.Dossier d) {
                dossierEvents.putIfAbsent(d.message().eventId(), d.message());
            } else if (in instanceof Received.Payment p) {
                paymentEvents.putIfAbsent(p.message().eventId(), p.message());
            } else if (in instanceof Received.Outreach o) {
                outreachEvents.putIfAbsent(o.message().eventId(), o.message());
            } else if (in instanceof Received.Unit u) {
                // The counters follow the tree at once, before this batch's events are counted under the tree as it now stands.
                references.save(u.message(), now).filter(change -> !countersDeferred).ifPresent(counters::move);
            } else if (in instanceof Received.Procedure p) {
                references.save(p.message(), now);
            }
        }
        Changes changes = new Changes();
        List<DossierEvent> dossiersCounted = countEvents(Topics.DOSSIER_EVENTS, dossierEvents, facts.dossiers(), now, changes);
        List<PaymentEvent> paymentsCounted = countEvents(Topics.PAYMENT_EVENTS, paymentEvents, facts.payments(), now, changes);
        int counted = dossiersCounted.size() + paymentsCounted.size()
                // An outreach event is its own fact: counted at query time, never in the counters.
                + outreach.save(outreachEvents.values(), now);
        eventLog.append(dossiersCounted);
        eventLog.appendPayments(paymentsCounted);
        if (!countersDeferred) {
            counters.add(changes.deltas, changes.adults, shard);
        }
        version.changed(shard, now, counted > 0);
        return counted;
    }

    /**
     * Whether the last batch found the counters waiting for a rebuild's recount (read under the tree lock, as it began):
     * so the consumer need not read the flag again after every batch. A hint, true also if that batch rolled back.
     */
    public boolean deferredInLastBatch() {
        return deferredInLastBatch;
    }

    /**
     * Counts every counter again from the facts if a rebuild left them waiting for it (V16), in a transaction of its own
     * that may run for minutes at a country's scale (dvc.indicator.recount-transaction-timeout), not a batch's.
     *
     * @return whether they were counted (false: nothing waited, or another instance did it first)
     */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "dvc.indicator.recount-transaction-timeout")
    public boolean recountDeferred() {
        if (!counters.recountIfPending()) {
            return false;
        }
        version.changed(CounterRepository.SHARED_SHARD, OffsetDateTime.now(ZoneOffset.UTC), true);
        return true;
    }

    /** What a batch changes in the counters: per contribution, and the applicants who newly count. */
    private static final class Changes {
        final Map<Contribution, Long> deltas = new HashMap<>();
        final List<AdultApplication> adults = new ArrayList<>();

        /** Adds what a fact contributes now and takes away what it contributed before. */
        void difference(List<Contribution> before, List<Contribution> after) {
            before.forEach(c -> deltas.merge(c.counter(), (long) -c.weight(), Long::sum));
            after.forEach(c -> deltas.merge(c.counter(), (long) c.weight(), Long::sum));
        }
    }

    /**
     * The events of one kind, not seen before, recorded in their facts: each fact locked, changed by its events and
     * written back once. The same steps for dossiers and transactions.
     *
     * @return the events counted (those not seen before)
     */
    private <E, F extends Fact<E>> List<E> countEvents(String topic, Map<String, E> events, FactRepository.Table<E, F> table,
            OffsetDateTime now, Changes changes) {
        Set<String> fresh = processed.firstSeen(topic, events.keySet(), now);
        List<E> toCount = events.entrySet().stream().filter(e -> fresh.contains(e.getKey())).map(Map.Entry::getValue).toList();
        Map<String, FactRepository.Key> keys = new TreeMap<>();
        toCount.forEach(e -> {
            FactRepository.Key key = table.key(e);
            keys.putIfAbsent(key.id(), key);
        });
        Map<String, F> locked = table.lock(keys.values(), now);
        Map<String, F> touched = new LinkedHashMap<>();
        Map<String, List<Contribution>> before = new HashMap<>();
        Map<String, Boolean> adultBefore = new HashMap<>();
        for (E e : toCount) {
            F f = locked.get(table.key(e).id());
            if (touched.putIfAbsent(f.id(), f) == null) {
                before.put(f.id(), f.contributions());
                adultBefore.put(f.id(), f.adultApplication().isPresent());
            }
            f.record(e, now);
        }
        for (F f : touched.values()) {
            changes.difference(before.get(f.id()), f.contributions());
            if (!adultBefore.get(f.id())) {
                f.adultApplication().ifPresent(changes.adults::add);
            }
        }
        table.save(touched.values());
        return toCount;
    }
}
