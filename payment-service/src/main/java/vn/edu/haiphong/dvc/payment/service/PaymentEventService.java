package vn.edu.haiphong.dvc.payment.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.PaymentEventType;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;
import vn.edu.haiphong.dvc.ingest.validation.IngestResult;
import vn.edu.haiphong.dvc.ingest.validation.Ingestion;
import vn.edu.haiphong.dvc.payment.mapping.PaymentMapper;
import vn.edu.haiphong.dvc.payment.repository.PaymentEventEntity;
import vn.edu.haiphong.dvc.payment.repository.PaymentEventRepository;
import vn.edu.haiphong.dvc.payment.repository.PaymentTransaction;
import vn.edu.haiphong.dvc.payment.repository.TransactionRepository;

/**
 * Accepts payment events: a batch is stored and queued for publishing whole, or not at all.
 */
// Created at start-up so that its counters are exported (at zero) before the first event.
@Startup
@ApplicationScoped
public class PaymentEventService {

    private final PaymentEventValidator validator;
    private final TransactionRepository transactions;
    private final PaymentEventRepository events;
    private final Outbox outbox;
    private final Ingestion<PaymentEvent> ingestion;

    public PaymentEventService(PaymentEventValidator validator, TransactionRepository transactions,
            PaymentEventRepository events, Outbox outbox, JsonCodec json, MeterRegistry registry) {
        this.validator = validator;
        this.transactions = transactions;
        this.events = events;
        this.outbox = outbox;
        this.ingestion = new Ingestion<>("payment", registry, json, PaymentEvent::eventId);
    }

    public IngestResult ingest(JsonNode body) {
        return ingestion.run(validator.validate(body), body.isArray(), this::store);
    }

    private IngestResult store(List<Candidate<PaymentEvent>> candidates) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Deduplication.Outcome<PaymentEvent> sorted = Deduplication.sort(candidates, events::storedHashes);
        List<FieldError> conflicts = new ArrayList<>(sorted.conflicts());
        List<Candidate<PaymentEvent>> fresh = sorted.fresh();
        if (!fresh.isEmpty()) {
            Map<String, PaymentTransaction> locked = lock(fresh, now);
            checkTransactions(fresh, locked, conflicts);
            if (conflicts.isEmpty()) {
                // Events first, then their outbox messages: rows of one table in a row go out as one JDBC batch.
                for (Candidate<PaymentEvent> c : fresh) {
                    PaymentEvent e = c.event();
                    events.persist(PaymentEventEntity.of(e, c.payload(), c.hash(), now));
                    PaymentMapper.apply(locked.get(e.transactionId()), e, now);
                }
                for (Candidate<PaymentEvent> c : fresh) {
                    PaymentEvent e = c.event();
                    outbox.enqueue(PaymentMapper.toOutboxEvent(e, c.payload()));
                }
                // Flush here, not at commit, so that a key taken meanwhile by a concurrent request surfaces as
                // a retryable SQL error rather than an opaque rollback.
                events.flush();
            }
        }
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts);
        }
        return new IngestResult(fresh.size(), sorted.duplicates());
    }

    /** Creates the new transactions and locks all of them: their dossier, procedure and unit are fixed by the first event. */
    private Map<String, PaymentTransaction> lock(List<Candidate<PaymentEvent>> fresh, OffsetDateTime now) {
        Map<String, PaymentEvent> firstOfTransaction = new TreeMap<>();
        for (Candidate<PaymentEvent> c : fresh) {
            firstOfTransaction.putIfAbsent(c.event().transactionId(), c.event());
        }
        transactions.insertIfAbsent(firstOfTransaction.entrySet().stream().map(e -> new TransactionRepository.NewTransaction(e.getKey(),
                e.getValue().dossierCode(), e.getValue().procedureCode(), e.getValue().unitCode())).toList(), now);
        return transactions.lockAll(firstOfTransaction.keySet()).stream()
                .collect(Collectors.toMap(t -> t.transactionId, Function.identity()));
    }

    /**
     * One PAID and one REFUNDED per transaction, one dossier, procedure and unit per transaction, and a
     * refund of the whole amount paid, whichever of the two events came first.
     */
    private static void checkTransactions(List<Candidate<PaymentEvent>> fresh, Map<String, PaymentTransaction> locked,
            List<FieldError> conflicts) {
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
    }

    private static <V> void putIfNotNull(Map<String, V> map, String key, V value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
