package vn.edu.haiphong.dvc.dossier.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.dossier.mapping.DossierEventMapper;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;
import vn.edu.haiphong.dvc.dossier.repository.DossierEventEntity;
import vn.edu.haiphong.dvc.dossier.repository.DossierEventRepository;
import vn.edu.haiphong.dvc.dossier.repository.DossierRepository;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication;
import vn.edu.haiphong.dvc.ingest.validation.IngestResult;
import vn.edu.haiphong.dvc.ingest.validation.Ingestion;

/**
 * Accepts dossier events: a batch is stored and queued for publishing whole, or not at all.
 */
// Created at start-up so that its counters are exported (at zero) before the first event.
@Startup
@ApplicationScoped
public class DossierEventService {

    private final DossierEventValidator validator;
    private final DossierRepository dossiers;
    private final DossierEventRepository events;
    private final Outbox outbox;
    private final Ingestion<DossierEvent> ingestion;

    public DossierEventService(DossierEventValidator validator, DossierRepository dossiers, DossierEventRepository events,
            Outbox outbox, JsonCodec json, MeterRegistry registry) {
        this.validator = validator;
        this.dossiers = dossiers;
        this.events = events;
        this.outbox = outbox;
        this.ingestion = new Ingestion<>("dossier", registry, json, DossierEvent::eventId);
    }

    public IngestResult ingest(JsonNode body) {
        return ingestion.run(validator.validate(body), body.isArray(), this::store);
    }

    private IngestResult store(List<Candidate<DossierEvent>> candidates) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

        // 1. The same eventId again: a duplicate if the content is the same, a conflict otherwise.
        Deduplication.Outcome<DossierEvent> sorted = Deduplication.sort(candidates, events::storedHashes);
        List<FieldError> conflicts = new ArrayList<>(sorted.conflicts());
        int duplicates = sorted.duplicates();
        List<Candidate<DossierEvent>> fresh = sorted.fresh();
        if (fresh.isEmpty()) {
            return finish(conflicts, 0, duplicates);
        }

        // 2. Lock the dossiers (creating the new ones): their procedure and unit are fixed by the first event.
        Map<String, Candidate<DossierEvent>> firstOfDossier = new TreeMap<>();
        for (Candidate<DossierEvent> c : fresh) {
            firstOfDossier.putIfAbsent(c.event().dossierCode(), c);
        }
        dossiers.insertIfAbsent(firstOfDossier.values().stream().map(c -> new DossierRepository.NewDossier(c.event().dossierCode(),
                c.event().procedureCode(), c.event().unitCode())).toList(), now);
        Map<String, DossierEntity> locked = dossiers.lockAll(firstOfDossier.keySet()).stream()
                .collect(Collectors.toMap(d -> d.code, Function.identity()));

        // 3. One event of each type per dossier (but ratings), one procedure and one unit per dossier.
        Map<String, String> takenTypes = new HashMap<>();
        for (DossierEventRepository.Taken e : events.singleTypeEventsOf(locked.keySet())) {
            takenTypes.put(e.dossierCode() + '\u0000' + e.type(), e.eventId());
        }
        for (Candidate<DossierEvent> c : fresh) {
            DossierEvent e = c.event();
            DossierEntity dossier = locked.get(e.dossierCode());
            if (!dossier.procedureCode.equals(e.procedureCode())) {
                conflicts.add(FieldError.at(c.index(), "procedureCode", "dossier '" + e.dossierCode()
                        + "' belongs to procedure '" + dossier.procedureCode + "'"));
            }
            if (!dossier.unitCode.equals(e.unitCode())) {
                conflicts.add(FieldError.at(c.index(), "unitCode", "dossier '" + e.dossierCode()
                        + "' belongs to unit '" + dossier.unitCode + "'"));
            }
            if (e.type() != DossierEventType.RATED) {
                String other = takenTypes.putIfAbsent(e.dossierCode() + '\u0000' + e.type(), e.eventId());
                if (other != null) {
                    conflicts.add(FieldError.at(c.index(), "type", "dossier '" + e.dossierCode() + "' already has a "
                            + e.type() + " event ('" + other + "')"));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw ProblemException.conflict(conflicts);
        }

        // 4. Store, queue for publishing, and move the public milestones: all in this one transaction.
        // Events first, then their outbox messages: rows of one table in a row go out as one JDBC batch.
        for (Candidate<DossierEvent> c : fresh) {
            DossierEvent e = c.event();
            events.persist(DossierEventEntity.of(e, c.payload(), c.hash(), now));
            DossierEventMapper.applyMilestone(locked.get(e.dossierCode()), e, now);
        }
        for (Candidate<DossierEvent> c : fresh) {
            DossierEvent e = c.event();
            outbox.enqueue(DossierEventMapper.toOutboxEvent(e, c.payload()));
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
}
