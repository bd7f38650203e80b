package vn.edu.haiphong.dvc.dossier.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.ContractLimits;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.dossier.repository.ProcedureRepository;
import vn.edu.haiphong.dvc.dossier.repository.UnitRepository;
import vn.edu.haiphong.dvc.ingest.validation.EventBatch;
import vn.edu.haiphong.dvc.ingest.validation.EventFields;
import vn.edu.haiphong.dvc.ingest.validation.KnownCodes;
import vn.edu.haiphong.dvc.ingest.validation.ReferenceLookup;
import vn.edu.haiphong.dvc.api.problem.ProblemException;

/**
 * Every field rule of section 2 of the contract, in one place: the fields all events share are read by
 * {@link EventFields}, the fields of each dossier event type here.
 */
@ApplicationScoped
public class DossierEventValidator implements ReferenceLookup {

    static final int MAX_APPLICANT_ID_LENGTH = 64;

    private final KnownCodes units;
    private final KnownCodes procedures;
    private final ApplicantHasher hasher;
    private final Clock clock = Clock.systemUTC();

    public DossierEventValidator(UnitRepository units, ProcedureRepository procedures, ApplicantHasher hasher) {
        this.units = new KnownCodes(units::existingCodes);
        this.procedures = new KnownCodes(procedures::existingCodes);
        this.hasher = hasher;
    }

    /**
     * @return the events as they will be stored and published (the applicant's id already hashed)
     * @throws vn.edu.haiphong.dvc.api.problem.ProblemException 422 naming every failing field, 413 for
     *         an oversized batch
     */
    public List<DossierEvent> validate(JsonNode body) {
        return EventBatch.read(body, clock, this::read, this);
    }

    @Override
    public Set<String> knownUnits(Set<String> codes) {
        return units.among(codes);
    }

    @Override
    public Set<String> knownProcedures(Set<String> codes) {
        return procedures.among(codes);
    }

    /**
     * Reads the fields the event's type requires ({@link DossierEventType#requires}) or may carry
     * ({@link DossierEventType#allows}); any other is ignored.
     */
    private DossierEvent read(EventFields f, OffsetDateTime latest) {
        DossierEventType type = f.enumValue("type", DossierEventType.class, true);
        Predicate<String> required = field -> type != null && type.requires(field);
        Predicate<String> allowed = field -> type != null && type.allows(field);
        Channel channel = required.test("channel") ? f.enumValue("channel", Channel.class, true) : null;
        Boolean fullyOnline = required.test("fullyOnline") ? f.bool(f.node(), "fullyOnline", "fullyOnline", true) : null;
        if (Boolean.TRUE.equals(fullyOnline) && channel != null && channel != Channel.ONLINE) {
            f.error("fullyOnline", "can be true only with channel ONLINE");
        }
        Applicant applicant = required.test("applicant") ? applicant(f) : null;
        OffsetDateTime dueAt = required.test("dueAt") || allowed.test("dueAt") && given(f, "dueAt") ? f.time("dueAt") : null;
        if (dueAt != null && f.occurredAt() != null && dueAt.isBefore(f.occurredAt())) {
            f.error("dueAt", "must not be before occurredAt");
        }
        Outcome outcome = required.test("outcome") ? f.enumValue("outcome", Outcome.class, true) : null;
        Long rating = required.test("rating")
                ? f.wholeNumber("rating", ContractLimits.MIN_RATING, ContractLimits.MAX_RATING, true) : null;
        return new DossierEvent(f.eventId(), type, f.occurredAt(), f.dossierCode(), f.procedureCode(), f.unitCode(),
                channel, fullyOnline, applicant, dueAt, outcome, rating == null ? null : rating.intValue());
    }

    /** Whether an optional field is there: absent and JSON null are the same. */
    private static boolean given(EventFields f, String field) {
        JsonNode value = f.node().get(field);
        return value != null && !value.isNull();
    }

    /** The applicant, with the id replaced by its keyed hash: the clear id goes no further than this. */
    private Applicant applicant(EventFields f) {
        JsonNode a = f.object("applicant", "is required for a SUBMITTED event");
        if (a == null) {
            return null;
        }
        ApplicantKind kind = f.enumValue(a, "applicant.kind", "kind", ApplicantKind.class, true);
        String id = f.string(a, "applicant.id", "id", MAX_APPLICANT_ID_LENGTH);
        if (id != null && id.isBlank()) {
            f.error("applicant.id", "must not be blank");
            id = null;
        }
        Boolean adult = f.bool(a, "applicant.adult", "adult", kind != null && kind.requires("adult"));
        Boolean vneid = f.bool(a, "applicant.vneid", "vneid", kind != null && kind.requires("vneid"));
        return kind != null && id != null ? new Applicant(kind, hasher.hash(id), adult, vneid) : null;
    }
}
