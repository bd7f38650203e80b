package vn.edu.haiphong.dvc.dossier.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
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
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.dossier.mapping.DossierEventMapper;
import vn.edu.haiphong.dvc.dossier.mapping.Milestones;
import vn.edu.haiphong.dvc.dossier.repository.DossierEntity;
import vn.edu.haiphong.dvc.dossier.repository.DossierEventEntity;
import vn.edu.haiphong.dvc.dossier.repository.DossierEventRepository;
import vn.edu.haiphong.dvc.dossier.repository.DossierRepository;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.support.Retry;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;
import vn.edu.haiphong.dvc.ingest.validation.GroupCommit;
import vn.edu.haiphong.dvc.ingest.validation.IngestResult;
import vn.edu.haiphong.dvc.ingest.validation.IngestSteps;
import vn.edu.haiphong.dvc.ingest.validation.Ingestion;

/**
 * Accepts dossier events: a batch is stored and queued for publishing whole, or not at all. The steps of
 * {@link Ingestion#store} for dossiers: a dossier's procedure and unit are fixed by its first event, and it
 * has at most one event of each type but the {@linkplain DossierEventType#repeatable() repeatable} ones (ratings,
 * supplement requests and receipts).
 */
// Created at start-up so that its counters are exported (at zero) before the first event.
@Startup
@ApplicationScoped
public class DossierEventService implements IngestSteps<DossierEvent, DossierEntity> {

    private final DossierEventValidator validator;
    private final DossierRepository dossiers;
    private final DossierEventRepository events;
    private final Ingestion<DossierEvent> ingestion;
    /** Null when group commit is off: every request is then its own transaction. */
    private final GroupCommit<DossierEvent> groups;

    public DossierEventService(DossierEventValidator validator, DossierRepository dossiers, DossierEventRepository events,
            Outbox outbox, EntityManager em, JsonCodec json, MeterRegistry registry,
            @ConfigProperty(name = "dvc.ingest.group-commit.enabled", defaultValue = "true") boolean groupCommit,
            @ConfigProperty(name = "dvc.ingest.group-commit.max-size", defaultValue = "64") int groupMaxSize) {
        this.validator = validator;
        this.dossiers = dossiers;
        this.events = events;
        this.ingestion = new Ingestion<>("dossier", DossierEvent::eventId, json, outbox, em, registry);
        this.groups = groupCommit ? new GroupCommit<>(groupMaxSize,
                all -> Retry.onConcurrentConflict(() -> storeGroup(all)),
                one -> Retry.onConcurrentConflict(() -> store(one))) : null;
    }

    public IngestResult ingest(JsonNode body) {
        List<DossierEvent> valid = validator.validate(body);
        List<Candidate<DossierEvent>> candidates = ingestion.candidates(valid, body.isArray());
        if (groups != null && !body.isArray()) {
            // One event at a time, as the one-stop office system sends them: stored with the requests beside it.
            return ingestion.counted(groups.submit(candidates));
        }
        return ingestion.counted(Retry.onConcurrentConflict(() -> store(candidates)));
    }

    /** Several single-event requests in one transaction (see {@link GroupCommit}): the events it stored. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Candidate<DossierEvent>> storeGroup(List<Candidate<DossierEvent>> candidates) {
        return ingestion.storeFresh(candidates, this);
    }

    /** The whole batch in one transaction of its own, re-run whole by {@link #ingest} if a concurrent request took a key first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    IngestResult store(List<Candidate<DossierEvent>> candidates) {
        return ingestion.store(candidates, this);
    }

    @Override
    public Map<String, String> storedHashes(Collection<String> eventIds) {
        return events.storedHashes(eventIds);
    }

    @Override
    public Map<String, DossierEntity> lock(List<Candidate<DossierEvent>> fresh, OffsetDateTime now) {
        SortedMap<String, DossierEvent> firstOfDossier = IngestSteps.firstOfEach(fresh, DossierEvent::dossierCode);
        dossiers.insertIfAbsent(firstOfDossier.values().stream().map(e -> new DossierRepository.NewDossier(e.dossierCode(),
                e.procedureCode(), e.unitCode())).toList(), now);
        return dossiers.lockAll(firstOfDossier.keySet()).stream()
                .collect(Collectors.toMap(d -> d.code, Function.identity()));
    }

    /** One event of each type per dossier (but the repeatable ones), one procedure and one unit per dossier. */
    @Override
    public List<FieldError> check(List<Candidate<DossierEvent>> fresh, Map<String, DossierEntity> locked) {
        List<FieldError> conflicts = new ArrayList<>();
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
            if (!e.type().repeatable()) {
                String other = takenTypes.putIfAbsent(e.dossierCode() + '\u0000' + e.type(), e.eventId());
                if (other != null) {
                    conflicts.add(FieldError.at(c.index(), "type", "dossier '" + e.dossierCode() + "' already has a "
                            + e.type() + " event ('" + other + "')"));
                }
            }
        }
        return conflicts;
    }

    /** The events, and the dossier's public milestones they move. */
    @Override
    public void persist(List<Candidate<DossierEvent>> fresh, Map<String, DossierEntity> locked, OffsetDateTime now) {
        List<DossierEventEntity> rows = new ArrayList<>(fresh.size());
        for (Candidate<DossierEvent> c : fresh) {
            DossierEvent e = c.event();
            rows.add(DossierEventEntity.of(e, c.payload(), c.hash(), now));
            Milestones.apply(locked.get(e.dossierCode()), e, now);
        }
        events.insertAll(rows);
    }

    @Override
    public OutboxEvent outboxEvent(Candidate<DossierEvent> accepted) {
        return DossierEventMapper.toOutboxEvent(accepted.event(), accepted.payload());
    }
}
