package vn.edu.haiphong.dvc.dossier.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;
import vn.edu.haiphong.dvc.contract.CloudEventHeaders;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.dossier.repository.OutreachEventEntity;
import vn.edu.haiphong.dvc.dossier.repository.OutreachEventRepository;
import vn.edu.haiphong.dvc.dossier.repository.UnitRepository;
import vn.edu.haiphong.dvc.ingest.outbox.Outbox;
import vn.edu.haiphong.dvc.ingest.outbox.OutboxEvent;
import vn.edu.haiphong.dvc.ingest.validation.Deduplication.Candidate;
import vn.edu.haiphong.dvc.ingest.support.JsonCodec;
import vn.edu.haiphong.dvc.ingest.support.Retry;
import vn.edu.haiphong.dvc.ingest.validation.IngestResult;
import vn.edu.haiphong.dvc.ingest.validation.IngestSteps;
import vn.edu.haiphong.dvc.ingest.validation.Ingestion;

/**
 * r2: accepts outreach events (section 8) by the steps of {@link Ingestion#store}, as dossier events are accepted: a
 * batch is stored and queued for publishing whole, or not at all. An outreach event belongs to no aggregate: it is
 * its own record, so there is nothing to lock and no rule between events beyond their ids.
 */
@Startup
@ApplicationScoped
public class OutreachEventService implements IngestSteps<OutreachEvent, Void> {

    private final OutreachEventValidator validator;
    private final OutreachEventRepository events;
    private final UnitRepository units;
    private final Ingestion<OutreachEvent> ingestion;

    public OutreachEventService(OutreachEventValidator validator, OutreachEventRepository events, UnitRepository units, Outbox outbox,
            EntityManager em, JsonCodec json, MeterRegistry registry) {
        this.validator = validator;
        this.events = events;
        this.units = units;
        this.ingestion = new Ingestion<>("outreach", OutreachEvent::eventId, json, outbox, em, registry);
    }

    /**
     * @param reach the units the caller may report for (a unit-reporter's unit and the units below it); null: any
     * @throws ProblemException 422 naming every failing field; 403 naming each event for a unit out of reach
     */
    public IngestResult ingest(JsonNode body, Set<String> reach) {
        List<OutreachEvent> valid = validator.validate(body);
        if (reach != null) {
            List<FieldError> outside = new ArrayList<>();
            for (int i = 0; i < valid.size(); i++) {
                String unit = valid.get(i).unitCode();
                if (!reach.contains(unit)) {
                    outside.add(FieldError.at(body.isArray() ? i : null, "unitCode",
                            "this account may report for its own unit and the units below it only, not for '" + unit + "'"));
                }
            }
            if (!outside.isEmpty()) {
                throw ProblemException.forbidden(outside);
            }
        }
        List<Candidate<OutreachEvent>> candidates = ingestion.candidates(valid, body.isArray());
        return ingestion.counted(Retry.onConcurrentConflict(() -> store(candidates)));
    }

    /** The units a unit-reporter of {@code unit} may report for: it and every unit below it; empty for an unknown unit. */
    public Set<String> reach(String unit) {
        return unit == null ? Set.of() : units.subtree(unit);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    IngestResult store(List<Candidate<OutreachEvent>> candidates) {
        return ingestion.store(candidates, this);
    }

    @Override
    public Map<String, String> storedHashes(Collection<String> eventIds) {
        return events.storedHashes(eventIds);
    }

    @Override
    public Map<String, Void> lock(List<Candidate<OutreachEvent>> fresh, OffsetDateTime now) {
        return Map.of();
    }

    @Override
    public List<FieldError> check(List<Candidate<OutreachEvent>> fresh, Map<String, Void> locked) {
        return List.of();
    }

    @Override
    public void persist(List<Candidate<OutreachEvent>> fresh, Map<String, Void> locked, OffsetDateTime now) {
        for (Candidate<OutreachEvent> c : fresh) {
            events.persist(OutreachEventEntity.of(c.event(), c.payload(), c.hash(), now));
        }
    }

    /** Published on {@link Topics#OUTREACH_EVENTS}, keyed by its unit. */
    @Override
    public OutboxEvent outboxEvent(Candidate<OutreachEvent> accepted) {
        OutreachEvent e = accepted.event();
        return new OutboxEvent(Topics.OUTREACH_EVENTS, e.unitCode(), accepted.payload(), e.eventId(),
                CloudEventHeaders.TYPE_PREFIX + ".outreach." + e.type().name(), e.occurredAt());
    }
}
