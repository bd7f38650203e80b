package vn.edu.haiphong.dvc.dossier.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.dossier.api.IngestResult;
import vn.edu.haiphong.dvc.dossier.mapping.DossierEventMapper;
import vn.edu.haiphong.dvc.dossier.mapping.JsonCodec;
import vn.edu.haiphong.dvc.dossier.messaging.Outbox;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;
import vn.edu.haiphong.dvc.dossier.repository.DossierEventEntity;
import vn.edu.haiphong.dvc.dossier.repository.DossierEventRepository;
import vn.edu.haiphong.dvc.dossier.repository.DossierRepository;

/**
 * Accepts dossier events: a batch is stored and queued for publishing whole, or not at all.
 */
@ApplicationScoped
public class DossierEventService {

    private final DossierEventValidator validator;
    private final DossierRepository dossiers;
    private final DossierEventRepository events;
    private final Outbox outbox;
    private final JsonCodec json;
    private final Counter acceptedCounter;
    private final Counter duplicateCounter;

    public DossierEventService(DossierEventValidator validator, DossierRepository dossiers, DossierEventRepository events,
            Outbox outbox, JsonCodec json, MeterRegistry registry) {
        this.validator = validator;
        this.dossiers = dossiers;
        this.events = events;
        this.outbox = outbox;
        this.json = json;
        this.acceptedCounter = Counter.builder("dvc.dossier.events.accepted").description("Dossier events newly accepted").register(registry);
        this.duplicateCounter = Counter.builder("dvc.dossier.events.duplicates").description("Dossier events re-sent with the same content").register(registry);
    }

    public IngestResult ingest(JsonNode body) {
        List<DossierEvent> valid = validator.validate(body);
        Integer firstIndex = body.isArray() ? 0 : null;
        List<Candidate> candidates = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            DossierEvent event = valid.get(i);
            String payload = json.write(event);
            candidates.add(new Candidate(firstIndex == null ? null : i, event, payload, JsonCodec.sha256(payload)));
        }
        IngestResult result = Retry.onConcurrentConflict(() -> QuarkusTransaction.requiringNew().call(() -> store(candidates)));
        acceptedCounter.increment(result.accepted());
        duplicateCounter.increment(result.duplicates());
        return result;
    }

    private IngestResult store(List<Candidate> candidates) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<FieldError> conflicts = new ArrayList<>();
        int duplicates = 0;

        // 1. The same eventId twice: a duplicate if the content is the same, a conflict otherwise.
        Map<String, Candidate> byId = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            Candidate first = byId.putIfAbsent(c.event.eventId(), c);
            if (first == null) {
                continue;
            }
            if (first.hash.equals(c.hash)) {
                duplicates++;
            } else {
                conflicts.add(FieldError.at(c.index, "eventId", "'" + c.event.eventId() + "' appears earlier in the batch"
                        + (first.index == null ? "" : " (index " + first.index + ")") + " with different content"));
            }
        }
        Map<String, DossierEventEntity> stored = events.findByIds(byId.keySet()).stream()
                .collect(Collectors.toMap(e -> e.eventId, Function.identity()));
        List<Candidate> fresh = new ArrayList<>();
        for (Candidate c : byId.values()) {
            DossierEventEntity earlier = stored.get(c.event.eventId());
            if (earlier == null) {
                fresh.add(c);
            } else if (earlier.contentHash.equals(c.hash)) {
                duplicates++;
            } else {
                conflicts.add(FieldError.at(c.index, "eventId", "'" + c.event.eventId() + "' was already accepted with different content"));
            }
        }
        if (fresh.isEmpty()) {
            return finish(conflicts, 0, duplicates);
        }

        // 2. Lock the dossiers (creating the new ones): their procedure and unit are fixed by the first event.
        Map<String, Candidate> firstOfDossier = new TreeMap<>();
        for (Candidate c : fresh) {
            firstOfDossier.putIfAbsent(c.event.dossierCode(), c);
        }
        firstOfDossier.forEach((code, c) -> dossiers.insertIfAbsent(code, c.event.procedureCode(), c.event.unitCode(), now));
        Map<String, DossierEntity> locked = dossiers.lockAll(firstOfDossier.keySet()).stream()
                .collect(Collectors.toMap(d -> d.code, Function.identity()));

        // 3. One event of each type per dossier (but ratings), one procedure and one unit per dossier.
        Map<String, String> takenTypes = new HashMap<>();
        for (DossierEventEntity e : events.singleTypeEventsOf(locked.keySet())) {
            takenTypes.put(e.dossierCode + '\u0000' + e.type, e.eventId);
        }
        for (Candidate c : fresh) {
            DossierEvent e = c.event;
            DossierEntity dossier = locked.get(e.dossierCode());
            if (!dossier.procedureCode.equals(e.procedureCode())) {
                conflicts.add(FieldError.at(c.index, "procedureCode", "dossier '" + e.dossierCode()
                        + "' belongs to procedure '" + dossier.procedureCode + "'"));
            }
            if (!dossier.unitCode.equals(e.unitCode())) {
                conflicts.add(FieldError.at(c.index, "unitCode", "dossier '" + e.dossierCode()
                        + "' belongs to unit '" + dossier.unitCode + "'"));
            }
            if (e.type() != DossierEventType.RATED) {
                String other = takenTypes.putIfAbsent(e.dossierCode() + '\u0000' + e.type(), e.eventId());
                if (other != null) {
                    conflicts.add(FieldError.at(c.index, "type", "dossier '" + e.dossierCode() + "' already has a "
                            + e.type() + " event ('" + other + "')"));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts);
        }

        // 4. Store, queue for publishing, and move the public milestones: all in this one transaction.
        for (Candidate c : fresh) {
            events.persist(DossierEventMapper.toEntity(c.event, c.payload, c.hash, now));
            outbox.enqueue(Topics.DOSSIER_EVENTS, c.event.dossierCode(), c.payload, c.event.eventId(),
                    DossierEventMapper.cloudEventType(c.event), c.event.occurredAt());
            DossierEventMapper.applyMilestone(locked.get(c.event.dossierCode()), c.event, now);
        }
        // Flush here, not at commit, so that a key taken meanwhile by a concurrent request surfaces as a
        // retryable SQL error rather than an opaque rollback.
        events.flush();
        return finish(conflicts, fresh.size(), duplicates);
    }

    private static IngestResult finish(List<FieldError> conflicts, int accepted, int duplicates) {
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts);
        }
        return new IngestResult(accepted, duplicates);
    }

    /** A valid event with the JSON it will be stored and published as, and that JSON's hash. */
    private record Candidate(Integer index, DossierEvent event, String payload, String hash) {
    }
}
