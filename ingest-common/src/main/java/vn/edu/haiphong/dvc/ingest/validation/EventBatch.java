package vn.edu.haiphong.dvc.ingest.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.api.problem.ProblemException;

/**
 * A request body of the ingest endpoints: one event object, or an array of 1 to {@value #MAX_EVENTS}
 * events. Reads every event with a service's own reader and refuses the whole body with every problem
 * found, or returns every event.
 */
public final class EventBatch {

    public static final int MAX_EVENTS = 1_000;
    /** How far in the future an {@code occurredAt} may lie, for clocks that run a little fast. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** Reads one event: the service's own rules on top of {@link EventFields#readCommon}. */
    public interface Reader<E> {
        /** @return the event, or null when {@code fields} recorded errors */
        E read(EventFields fields, OffsetDateTime latest);
    }

    private EventBatch() {
    }

    /**
     * @param body the request body as JSON: null or missing when the request had none
     * @throws ProblemException 400 for no body, 413 for more than {@value #MAX_EVENTS} events, 422 naming every
     *         failing field of every event (with its index in a batch)
     */
    public static <E> List<E> read(JsonNode body, Clock clock, Reader<E> reader, ReferenceLookup references) {
        return read(body, clock, reader, references, true);
    }

    /** As {@link #read(JsonNode, Clock, Reader, ReferenceLookup)}; r2: without {@code dossierCodes}, events that name only a unit. */
    public static <E> List<E> read(JsonNode body, Clock clock, Reader<E> reader, ReferenceLookup references, boolean dossierCodes) {
        if (body == null || body.isMissingNode()) {
            throw ProblemException.malformed("The body is empty: an event object or an array of events is expected");
        }
        List<JsonNode> nodes = new ArrayList<>();
        boolean batch = body.isArray();
        if (batch) {
            if (body.size() > MAX_EVENTS) {
                throw ProblemException.tooLarge("A batch holds at most " + MAX_EVENTS + " events; this one has "
                        + body.size() + ". Nothing was stored.");
            }
            if (body.isEmpty()) {
                throw ProblemException.invalid(List.of(FieldError.of("body", "a batch holds 1 to " + MAX_EVENTS + " events")));
            }
            body.forEach(nodes::add);
        } else if (body.isObject()) {
            nodes.add(body);
        } else {
            throw ProblemException.invalid(List.of(FieldError.of("body", "must be an event object or an array of events")));
        }

        OffsetDateTime latest = OffsetDateTime.now(clock).plus(MAX_CLOCK_SKEW);
        List<FieldError> errors = new ArrayList<>();
        List<EventFields> read = new ArrayList<>(nodes.size());
        List<E> events = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            EventFields fields = new EventFields(nodes.get(i), batch ? i : null, errors);
            read.add(fields);
            events.add(fields.readCommon(latest, dossierCodes) ? reader.read(fields, latest) : null);
        }
        checkRegistered(read, references);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return events;
    }

    private static void checkRegistered(List<EventFields> events, ReferenceLookup references) {
        Set<String> knownProcedures = known(events, EventFields::procedureCode, references::knownProcedures);
        Set<String> knownUnits = known(events, EventFields::unitCode, references::knownUnits);
        for (EventFields e : events) {
            if (e.procedureCode() != null && !knownProcedures.contains(e.procedureCode())) {
                e.error("procedureCode", "'" + e.procedureCode() + "' is not a registered procedure");
            }
            if (e.unitCode() != null && !knownUnits.contains(e.unitCode())) {
                e.error("unitCode", "'" + e.unitCode() + "' is not a registered unit");
            }
        }
    }

    private static Set<String> known(List<EventFields> events, Function<EventFields, String> code,
            Function<Set<String>, Set<String>> lookup) {
        Set<String> codes = new HashSet<>();
        for (EventFields e : events) {
            if (code.apply(e) != null) {
                codes.add(code.apply(e));
            }
        }
        return codes.isEmpty() ? Set.of() : lookup.apply(codes);
    }
}
