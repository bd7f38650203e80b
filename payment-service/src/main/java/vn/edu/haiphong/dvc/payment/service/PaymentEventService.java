package vn.edu.haiphong.dvc.payment.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.support.Retry;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;
import vn.edu.haiphong.dvc.ingest.validation.GroupCommit;
import vn.edu.haiphong.dvc.ingest.validation.IngestResult;
import vn.edu.haiphong.dvc.ingest.validation.IngestSteps;
import vn.edu.haiphong.dvc.ingest.validation.Ingestion;
import vn.edu.haiphong.dvc.payment.mapping.PaymentMapper;
import vn.edu.haiphong.dvc.payment.repository.PaymentEventEntity;
import vn.edu.haiphong.dvc.payment.repository.PaymentEventRepository;
import vn.edu.haiphong.dvc.payment.repository.PaymentTransaction;
import vn.edu.haiphong.dvc.payment.repository.TransactionRepository;

/**
 * Accepts payment events: a batch is stored and queued for publishing whole, or not at all. The steps of
 * {@link Ingestion#store} for payments: a transaction's dossier, procedure and unit are fixed by its first
 * event, it has at most one PAID and one REFUNDED, and a refund is of the whole amount paid.
 */
// Created at start-up so that its counters are exported (at zero) before the first event.
@Startup
@ApplicationScoped
public class PaymentEventService implements IngestSteps<PaymentEvent, PaymentTransaction> {

    private final PaymentEventValidator validator;
    private final TransactionRepository transactions;
    private final PaymentEventRepository events;
    private final Ingestion<PaymentEvent> ingestion;
    /** Null when group commit is off: every request is then its own transaction. */
    private final GroupCommit<PaymentEvent> groups;

    public PaymentEventService(PaymentEventValidator validator, TransactionRepository transactions,
            PaymentEventRepository events, Outbox outbox, EntityManager em, JsonCodec json, MeterRegistry registry,
            @ConfigProperty(name = "dvc.ingest.group-commit.enabled", defaultValue = "true") boolean groupCommit,
            @ConfigProperty(name = "dvc.ingest.group-commit.max-size", defaultValue = "64") int groupMaxSize) {
        this.validator = validator;
        this.transactions = transactions;
        this.events = events;
        this.ingestion = new Ingestion<>("payment", PaymentEvent::eventId, json, outbox, em, registry);
        this.groups = groupCommit ? new GroupCommit<>(groupMaxSize,
                all -> Retry.onConcurrentConflict(() -> storeGroup(all)),
                one -> Retry.onConcurrentConflict(() -> store(one))) : null;
    }

    public IngestResult ingest(JsonNode body) {
        List<PaymentEvent> valid = validator.validate(body);
        List<Candidate<PaymentEvent>> candidates = ingestion.candidates(valid, body.isArray());
        if (groups != null && !body.isArray()) {
            // One event at a time: stored with the requests beside it (see GroupCommit).
            return ingestion.counted(groups.submit(candidates));
        }
        return ingestion.counted(Retry.onConcurrentConflict(() -> store(candidates)));
    }

    /** Several single-event requests in one transaction (see {@link GroupCommit}): the events it stored. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Candidate<PaymentEvent>> storeGroup(List<Candidate<PaymentEvent>> candidates) {
        return ingestion.storeFresh(candidates, this);
    }

    /** The whole batch in one transaction of its own, re-run whole by {@link #ingest} if a concurrent request took a key first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    IngestResult store(List<Candidate<PaymentEvent>> candidates) {
        return ingestion.store(candidates, this);
    }

    @Override
    public Map<String, String> storedHashes(Collection<String> eventIds) {
        return events.storedHashes(eventIds);
    }

    @Override
    public Map<String, PaymentTransaction> lock(List<Candidate<PaymentEvent>> fresh, OffsetDateTime now) {
        SortedMap<String, PaymentEvent> firstOfTransaction = IngestSteps.firstOfEach(fresh, PaymentEvent::transactionId);
        transactions.insertIfAbsent(firstOfTransaction.entrySet().stream().map(e -> new TransactionRepository.NewTransaction(e.getKey(),
                e.getValue().dossierCode(), e.getValue().procedureCode(), e.getValue().unitCode())).toList(), now);
        return transactions.lockAll(firstOfTransaction.keySet()).stream()
                .collect(Collectors.toMap(t -> t.transactionId, Function.identity()));
    }

    /**
     * One PAID and one REFUNDED per transaction, one dossier, procedure and unit per transaction, and a
     * refund of the whole amount paid, whichever of the two events came first.
     */
    @Override
    public List<FieldError> check(List<Candidate<PaymentEvent>> fresh, Map<String, PaymentTransaction> locked) {
        List<FieldError> conflicts = new ArrayList<>();
        Map<String, String> paidEvent = new TreeMap<>();
        Map<String, String> refundEvent = new TreeMap<>();
        Map<String, Long> paidAmount = new TreeMap<>();
        Map<String, Long> refundAmount = new TreeMap<>();
        locked.values().forEach(t -> {
            putIfNotNull(paidEvent, t.transactionId, t.paidEventId);
            putIfNotNull(refundEvent, t.transactionId, t.refundEventId);
            putIfNotNull(paidAmount, t.transactionId, t.amount);
            putIfNotNull(refundAmount, t.transactionId, t.refundAmount);
        });
        for (Candidate<PaymentEvent> c : fresh) {
            PaymentEvent e = c.event();
            PaymentTransaction t = locked.get(e.transactionId());
            String tx = "transaction '" + e.transactionId() + "'";
            if (!t.dossierCode.equals(e.dossierCode())) {
                conflicts.add(FieldError.at(c.index(), "dossierCode", tx + " belongs to dossier '" + t.dossierCode + "'"));
            }
            if (!t.procedureCode.equals(e.procedureCode())) {
                conflicts.add(FieldError.at(c.index(), "procedureCode", tx + " belongs to procedure '" + t.procedureCode + "'"));
            }
            if (!t.unitCode.equals(e.unitCode())) {
                conflicts.add(FieldError.at(c.index(), "unitCode", tx + " belongs to unit '" + t.unitCode + "'"));
            }
            boolean paid = e.type() == PaymentEventType.PAID;
            String other = (paid ? paidEvent : refundEvent).putIfAbsent(e.transactionId(), e.eventId());
            if (other != null) {
                conflicts.add(FieldError.at(c.index(), "type", tx + " already has a " + e.type() + " event ('" + other + "')"));
            }
            if (e.amount() != null) {
                (paid ? paidAmount : refundAmount).putIfAbsent(e.transactionId(), e.amount());
            }
            Long paidVnd = paidAmount.get(e.transactionId());
            Long refundVnd = refundAmount.get(e.transactionId());
            if (e.amount() != null && paidVnd != null && refundVnd != null && !paidVnd.equals(refundVnd)) {
                conflicts.add(FieldError.at(c.index(), "amount", tx + " was paid " + paidVnd + " VND and refunded "
                        + refundVnd + " VND: a refund is of the whole amount"));
            }
        }
        return conflicts;
    }

    /** The events, and the transactions they complete. */
    @Override
    public void persist(List<Candidate<PaymentEvent>> fresh, Map<String, PaymentTransaction> locked, OffsetDateTime now) {
        List<PaymentEventEntity> rows = new ArrayList<>(fresh.size());
        for (Candidate<PaymentEvent> c : fresh) {
            PaymentEvent e = c.event();
            rows.add(PaymentEventEntity.of(e, c.payload(), c.hash(), now));
            PaymentMapper.apply(locked.get(e.transactionId()), e, now);
        }
        events.insertAll(rows);
    }

    @Override
    public OutboxEvent outboxEvent(Candidate<PaymentEvent> accepted) {
        return PaymentMapper.toOutboxEvent(accepted.event(), accepted.payload());
    }

    private static <V> void putIfNotNull(Map<String, V> map, String key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
