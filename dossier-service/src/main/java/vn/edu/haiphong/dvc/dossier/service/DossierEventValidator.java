package vn.edu.haiphong.dvc.dossier.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.Outcome;
import vn.edu.haiphong.dvc.dossier.repository.ProcedureRepository;
import vn.edu.haiphong.dvc.dossier.repository.UnitRepository;

/**
 * Every field rule of section 2 of the contract, in one place. Reads the raw JSON so that a wrong JSON
 * type, a missing field and a broken rule are all reported, for every field and every event of a batch
 * at once, rather than stopping at the first.
 */
@ApplicationScoped
public class DossierEventValidator {

    public static final int MAX_BATCH = 1_000;
    static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final int MAX_CODE_LENGTH = 64;
    static final int MAX_APPLICANT_ID_LENGTH = 64;
    static final OffsetDateTime EARLIEST = OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(7));
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final UnitRepository units;
    private final ProcedureRepository procedures;
    private final ApplicantHasher hasher;
    private final Clock clock;

    public DossierEventValidator(UnitRepository units, ProcedureRepository procedures, ApplicantHasher hasher) {
        this.units = units;
        this.procedures = procedures;
        this.hasher = hasher;
        this.clock = Clock.systemUTC();
    }

    /**
     * @return the events as they will be stored and published (the applicant's id already hashed)
     * @throws ProblemException 422 naming every failing field, 413 for an oversized batch
     */
    public List<DossierEvent> validate(JsonNode body) {
        List<JsonNode> nodes = new ArrayList<>();
        boolean batch = body.isArray();
        if (batch) {
            if (body.size() > MAX_BATCH) {
                throw ProblemException.tooLarge("A batch holds at most " + MAX_BATCH + " events; this one has "
                        + body.size() + ". Nothing was stored.");
            }
            if (body.isEmpty()) {
                throw ProblemException.invalid(List.of(FieldError.of("body", "a batch holds 1 to " + MAX_BATCH + " events")));
            }
            body.forEach(nodes::add);
        } else if (body.isObject()) {
            nodes.add(body);
        } else {
            throw ProblemException.invalid(List.of(FieldError.of("body", "must be an event object or an array of events")));
        }

        OffsetDateTime latest = OffsetDateTime.now(clock).plus(MAX_CLOCK_SKEW);
        List<FieldError> errors = new ArrayList<>();
        List<Reader> readers = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Reader reader = new Reader(nodes.get(i), batch ? i : null, errors);
            reader.read(latest);
            readers.add(reader);
        }
        checkRegistered(readers);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return readers.stream().map(Reader::event).toList();
    }

    private void checkRegistered(List<Reader> readers) {
        Set<String> procedureCodes = new HashSet<>();
        Set<String> unitCodes = new HashSet<>();
        for (Reader r : readers) {
            if (r.procedureCode != null) {
                procedureCodes.add(r.procedureCode);
            }
            if (r.unitCode != null) {
                unitCodes.add(r.unitCode);
            }
        }
        Set<String> knownProcedures = procedures.existingCodes(procedureCodes);
        Set<String> knownUnits = units.existingCodes(unitCodes);
        for (Reader r : readers) {
            if (r.procedureCode != null && !knownProcedures.contains(r.procedureCode)) {
                r.error("procedureCode", "'" + r.procedureCode + "' is not a registered procedure");
            }
            if (r.unitCode != null && !knownUnits.contains(r.unitCode)) {
                r.error("unitCode", "'" + r.unitCode + "' is not a registered unit");
            }
        }
    }

    /** Reads one event, recording every problem it finds instead of stopping at the first. */
    private final class Reader {
        private final JsonNode node;
        private final Integer index;
        private final List<FieldError> errors;

        private String eventId;
        private DossierEventType type;
        private OffsetDateTime occurredAt;
        private String dossierCode;
        private String procedureCode;
        private String unitCode;
        private Channel channel;
        private Boolean fullyOnline;
        private Applicant applicant;
        private OffsetDateTime dueAt;
        private Outcome outcome;
        private Integer rating;

        Reader(JsonNode node, Integer index, List<FieldError> errors) {
            this.node = node;
            this.index = index;
            this.errors = errors;
        }

        void read(OffsetDateTime latest) {
            if (!node.isObject()) {
                error("event", "must be a JSON object");
                return;
            }
            eventId = string(node, "eventId", MAX_CODE_LENGTH);
            if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
                error("eventId", "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
                eventId = null;
            }
            type = enumValue(node, "type", DossierEventType.class);
            occurredAt = time(node, "occurredAt");
            if (occurredAt != null) {
                if (occurredAt.isBefore(EARLIEST)) {
                    error("occurredAt", "must not be before 2000-01-01");
                } else if (occurredAt.isAfter(latest)) {
                    error("occurredAt", "must not be more than 5 minutes in the future");
                }
            }
            dossierCode = code(node, "dossierCode");
            procedureCode = code(node, "procedureCode");
            unitCode = code(node, "unitCode");
            if (type == null) {
                return;
            }
            switch (type) {
                case SUBMITTED -> readSubmission();
                case RECEIVED -> {
                    dueAt = time(node, "dueAt");
                    if (dueAt != null && occurredAt != null && dueAt.isBefore(occurredAt)) {
                        error("dueAt", "must not be before occurredAt");
                    }
                }
                case RESULT_ISSUED -> outcome = enumValue(node, "outcome", Outcome.class);
                case RATED -> readRating();
                default -> {
                    // DOSSIER_DIGITIZED, RESULT_DIGITIZED, RESULT_SYNCED, WITHDRAWN carry nothing more.
                }
            }
        }

        private void readSubmission() {
            channel = enumValue(node, "channel", Channel.class);
            fullyOnline = bool(node, "fullyOnline", "fullyOnline", true);
            if (Boolean.TRUE.equals(fullyOnline) && channel != null && channel != Channel.ONLINE) {
                error("fullyOnline", "can be true only with channel ONLINE");
            }
            JsonNode a = node.get("applicant");
            if (a == null || a.isNull()) {
                error("applicant", "is required for a SUBMITTED event");
                return;
            }
            if (!a.isObject()) {
                error("applicant", "must be a JSON object");
                return;
            }
            ApplicantKind kind = enumValue(a, "applicant.kind", "kind", ApplicantKind.class);
            String id = string(a, "applicant.id", "id", MAX_APPLICANT_ID_LENGTH);
            if (id != null && id.isBlank()) {
                error("applicant.id", "must not be blank");
                id = null;
            }
            boolean citizen = kind == ApplicantKind.CITIZEN;
            Boolean adult = bool(a, "applicant.adult", "adult", citizen);
            Boolean vneid = bool(a, "applicant.vneid", "vneid", citizen);
            if (kind != null && id != null) {
                applicant = new Applicant(kind, hasher.hash(id), adult, vneid);
            }
        }

        private void readRating() {
            JsonNode r = node.get("rating");
            if (r == null || r.isNull()) {
                error("rating", "is required for a RATED event");
            } else if (!r.isIntegralNumber()) {
                error("rating", "must be an integer from 1 to 5");
            } else if (!r.canConvertToInt() || r.intValue() < 1 || r.intValue() > 5) {
                error("rating", "must be an integer from 1 to 5");
            } else {
                rating = r.intValue();
            }
        }

        DossierEvent event() {
            return new DossierEvent(eventId, type, occurredAt, dossierCode, procedureCode, unitCode,
                    channel, fullyOnline, applicant, dueAt, outcome, rating);
        }


        void error(String field, String message) {
            errors.add(FieldError.at(index, field, message));
        }

        private String code(JsonNode from, String field) {
            String value = string(from, field, MAX_CODE_LENGTH);
            if (value != null && (value.isBlank() || value.chars().anyMatch(Character::isISOControl))) {
                error(field, "must not be blank or contain control characters");
                return null;
            }
            return value;
        }

        private String string(JsonNode from, String field, int maxLength) {
            return string(from, field, field, maxLength);
        }

        private String string(JsonNode from, String path, String field, int maxLength) {
            JsonNode value = from.get(field);
            if (value == null || value.isNull()) {
                error(path, "is required");
                return null;
            }
            if (!value.isTextual()) {
                error(path, "must be a JSON string");
                return null;
            }
            String text = value.textValue();
            if (text.isEmpty() || text.length() > maxLength) {
                error(path, "must be 1 to " + maxLength + " characters long");
                return null;
            }
            return text;
        }

        private <E extends Enum<E>> E enumValue(JsonNode from, String field, Class<E> type) {
            return enumValue(from, field, field, type);
        }

        private <E extends Enum<E>> E enumValue(JsonNode from, String path, String field, Class<E> type) {
            JsonNode value = from.get(field);
            if (value == null || value.isNull()) {
                error(path, "is required");
                return null;
            }
            String allowed = "must be one of " + Arrays.toString(type.getEnumConstants());
            if (!value.isTextual()) {
                error(path, allowed);
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
            error(path, allowed);
            return null;
        }

        private Boolean bool(JsonNode from, String path, String field, boolean required) {
            JsonNode value = from.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    error(path, "is required");
                }
                return null;
            }
            if (!value.isBoolean()) {
                error(path, "must be true or false");
                return null;
            }
            return value.booleanValue();
        }

        private OffsetDateTime time(JsonNode from, String field) {
            JsonNode value = from.get(field);
            if (value == null || value.isNull()) {
                error(field, "is required");
                return null;
            }
            if (!value.isTextual()) {
                error(field, "must be an ISO-8601 date-time string with an offset");
                return null;
            }
            try {
                return OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            } catch (DateTimeParseException e) {
                error(field, "must be an ISO-8601 date-time with an offset, e.g. 2024-03-01T08:30:00+07:00");
                return null;
            }
        }
    }
}
