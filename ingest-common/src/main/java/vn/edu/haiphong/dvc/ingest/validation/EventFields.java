package vn.edu.haiphong.dvc.ingest.validation;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.edu.haiphong.dvc.api.problem.FieldError;
import vn.edu.haiphong.dvc.contract.ContractLimits;

/**
 * Reads the fields of one event from raw JSON and records every problem it finds, instead of stopping
 * at the first: a wrong JSON type, a missing field and a broken rule are all reported, with the field's
 * path and the event's index in a batch. Also reads the fields every event of the contract shares.
 */
public class EventFields {

    public static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + ContractLimits.MAX_CODE_LENGTH + "}");

    private final JsonNode node;
    private final Integer index;
    private final List<FieldError> errors;

    private String eventId;
    private OffsetDateTime occurredAt;
    private String dossierCode;
    private String procedureCode;
    private String unitCode;

    public EventFields(JsonNode node, Integer index, List<FieldError> errors) {
        this.node = node;
        this.index = index;
        this.errors = errors;
    }

    /**
     * Reads {@code eventId}, {@code occurredAt}, {@code dossierCode}, {@code procedureCode} and
     * {@code unitCode}.
     *
     * @param latest the latest acceptable {@code occurredAt} (now plus the tolerated clock skew)
     * @return false when the event is not a JSON object at all, so nothing more can be read
     */
    public boolean readCommon(OffsetDateTime latest) {
        return readCommon(latest, true);
    }

    /**
     * As {@link #readCommon(OffsetDateTime)}; r2: without {@code dossierCodes}, an event that names no dossier nor
     * procedure (an outreach event names only its unit).
     */
    public boolean readCommon(OffsetDateTime latest, boolean dossierCodes) {
        if (!node.isObject()) {
            error("event", "must be a JSON object");
            return false;
        }
        eventId = string(node, "eventId", "eventId", ContractLimits.MAX_CODE_LENGTH);
        if (eventId != null && !EVENT_ID.matcher(eventId).matches()) {
            error("eventId", "must be 1-64 characters of A-Z a-z 0-9 . _ : -");
            eventId = null;
        }
        occurredAt = time("occurredAt");
        if (occurredAt != null) {
            if (occurredAt.isBefore(ContractLimits.EARLIEST)) {
                error("occurredAt", "must not be before 2000-01-01");
            } else if (occurredAt.isAfter(latest)) {
                error("occurredAt", "must not be more than 5 minutes in the future");
            }
        }
        if (dossierCodes) {
            dossierCode = code("dossierCode");
            procedureCode = code("procedureCode");
        }
        unitCode = code("unitCode");
        return true;
    }

    public JsonNode node() {
        return node;
    }

    public String eventId() {
        return eventId;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public String dossierCode() {
        return dossierCode;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String unitCode() {
        return unitCode;
    }

    public void error(String field, String message) {
        errors.add(FieldError.at(index, field, message));
    }

    /** A required code: 1-64 characters, not blank, no control characters. */
    public String code(String field) {
        String value = string(node, field, field, ContractLimits.MAX_CODE_LENGTH);
        if (value != null && (value.isBlank() || value.chars().anyMatch(Character::isISOControl))) {
            error(field, "must not be blank or contain control characters");
            return null;
        }
        return value;
    }

    /** A required string of {@code field} in {@code from}, reported as {@code path}. */
    public String string(JsonNode from, String path, String field, int maxLength) {
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

    public <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
        return enumValue(node, field, field, type, required);
    }

    public <E extends Enum<E>> E enumValue(JsonNode from, String path, String field, Class<E> type, boolean required) {
        JsonNode value = from.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        if (value.isTextual()) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.textValue())) {
                    return constant;
                }
            }
        }
        error(path, "must be one of " + Arrays.toString(type.getEnumConstants()));
        return null;
    }

    public Boolean bool(JsonNode from, String path, String field, boolean required) {
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

    /** A whole number in [min, max]; a fraction, a string or a number out of range is an error. */
    public Long wholeNumber(String field, long min, long max, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        String range = "must be a whole number from " + min + " to " + max;
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            error(field, range);
            return null;
        }
        return value.longValue();
    }

    /** An object field, required: null (and an error) when absent or not an object. */
    public JsonNode object(String field, String requiredWhy) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            error(field, requiredWhy);
            return null;
        }
        if (!value.isObject()) {
            error(field, "must be a JSON object");
            return null;
        }
        return value;
    }

    /** A required ISO-8601 date-time with an offset. */
    public OffsetDateTime time(String field) {
        JsonNode value = node.get(field);
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
