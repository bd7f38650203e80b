package vn.edu.haiphong.dvc.dossier.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.contract.Audience;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.OutreachEventType;
import vn.edu.haiphong.dvc.dossier.repository.UnitRepository;
import vn.edu.haiphong.dvc.ingest.validation.EventBatch;
import vn.edu.haiphong.dvc.ingest.validation.EventFields;
import vn.edu.haiphong.dvc.ingest.validation.KnownCodes;
import vn.edu.haiphong.dvc.ingest.validation.ReferenceLookup;

/**
 * r2: every field rule of section 8 of the contract: the fields all events share ({@code eventId}, {@code occurredAt},
 * {@code unitCode}) as section 2 reads them ({@link EventFields}), the fields of each outreach type here. A field the
 * type does not carry ({@link OutreachEventType#allows}) is refused, so that nothing posted is silently dropped.
 */
@ApplicationScoped
public class OutreachEventValidator implements ReferenceLookup {

    private static final List<String> TYPE_FIELDS = List.of("durationSeconds", "audience", "participants");

    private final KnownCodes units;
    private final Clock clock = Clock.systemUTC();

    public OutreachEventValidator(UnitRepository units) {
        this.units = new KnownCodes(units::existingCodes);
    }

    /** @throws vn.edu.haiphong.dvc.api.problem.ProblemException 422 naming every failing field, 413 for an oversized batch */
    public List<OutreachEvent> validate(JsonNode body) {
        return EventBatch.read(body, clock, this::read, this, false);
    }

    @Override
    public Set<String> knownUnits(Set<String> codes) {
        return units.among(codes);
    }

    @Override
    public Set<String> knownProcedures(Set<String> codes) {
        return Set.of();
    }

    private OutreachEvent read(EventFields f, OffsetDateTime latest) {
        OutreachEventType type = f.enumValue("type", OutreachEventType.class, true);
        String title = f.string(f.node(), "title", "title", OutreachEvent.MAX_TITLE_LENGTH);
        if (title != null && title.isBlank()) {
            f.error("title", "must not be blank");
            title = null;
        }
        Integer duration = null;
        Audience audience = null;
        Integer participants = null;
        if (type != null) {
            for (String field : TYPE_FIELDS) {
                JsonNode value = f.node().get(field);
                if (!type.allows(field) && value != null && !value.isNull()) {
                    f.error(field, "is not a field of a " + type + " event");
                }
            }
            if (type.requires("durationSeconds")) {
                Long seconds = f.wholeNumber("durationSeconds", 1, OutreachEvent.MAX_DURATION_SECONDS, true);
                duration = seconds == null ? null : seconds.intValue();
            }
            if (type.requires("audience")) {
                audience = f.enumValue("audience", Audience.class, true);
            }
            if (type.requires("participants")) {
                Long n = f.wholeNumber("participants", 1, OutreachEvent.MAX_PARTICIPANTS, true);
                participants = n == null ? null : n.intValue();
            }
        }
        return new OutreachEvent(f.eventId(), type, f.occurredAt(), f.unitCode(), title, duration, audience, participants);
    }
}
