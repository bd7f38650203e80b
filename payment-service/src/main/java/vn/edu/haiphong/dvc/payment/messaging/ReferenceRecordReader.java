package vn.edu.haiphong.dvc.payment.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;

import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;

/**
 * Reads the value of a reference-topic record into its contract type, or says why it never can be: not
 * UTF-8, not JSON, not an object, a required field missing, or a value the local copy's columns
 * ({@code V1__payments_and_reference_copy.sql}) would refuse. A record it accepts is one the database
 * stores; so a bad record is dead-lettered once instead of failing its transaction again and again.
 * Fields it does not know are ignored, so that dossier-service can add one without its records being
 * refused here.
 */
public final class ReferenceRecordReader {

    /**
     * Far above the largest valid record (a procedure whose 1,500 characters of name and field are all
     * escaped surrogate pairs is 18 kB) and far below what is costly to parse.
     */
    public static final int MAX_BYTES = 64 * 1024;

    static final int CODE_LENGTH = 64;
    static final int UNIT_NAME_LENGTH = 500;
    static final int PROCEDURE_NAME_LENGTH = 1000;
    static final int FIELD_LENGTH = 500;

    private static final String UNIT_TYPES = Arrays.stream(UnitType.values()).map(Enum::name).collect(Collectors.joining(", "));
    private static final int REASON_LENGTH = 300;

    /** Two values for one field, or a second document after the first, leave the record's meaning open. */
    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build()
            .reader();

    /** A record that can never be stored, and why. */
    public static final class Unprocessable extends Exception {
        public Unprocessable(String reason) {
            super(reason, null, false, false);
        }
    }

    private ReferenceRecordReader() {
    }

    public static UnitRecord unit(byte[] value) throws Unprocessable {
        Fields f = new Fields(object(value, "unit"));
        String code = f.text("code", CODE_LENGTH, true);
        String name = f.text("name", UNIT_NAME_LENGTH, true);
        UnitType type = f.unitType("type");
        String parentCode = f.text("parentCode", CODE_LENGTH, false);
        Long adultPopulation = f.whole("adultPopulation");
        f.complete();
        return new UnitRecord(code, name, type, parentCode, adultPopulation);
    }

    public static ProcedureRecord procedure(byte[] value) throws Unprocessable {
        Fields f = new Fields(object(value, "procedure"));
        String code = f.text("code", CODE_LENGTH, true);
        String name = f.text("name", PROCEDURE_NAME_LENGTH, true);
        String field = f.text("field", FIELD_LENGTH, false);
        // Required although Jackson would read a missing one as false: the copy would hold a flag nobody set.
        Boolean eligibleFullyOnline = f.flag("eligibleFullyOnline");
        Boolean providedFullyOnline = f.flag("providedFullyOnline");
        Boolean integratedNationalPortal = f.flag("integratedNationalPortal");
        Boolean feeBearing = f.flag("feeBearing");
        f.complete();
        return new ProcedureRecord(code, name, field, eligibleFullyOnline, providedFullyOnline, integratedNationalPortal,
                feeBearing);
    }

    private static JsonNode object(byte[] value, String kind) throws Unprocessable {
        if (value.length > MAX_BYTES) {
            throw new Unprocessable("too large: " + value.length + " bytes, a " + kind + " is at most " + MAX_BYTES);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new Unprocessable("not valid UTF-8");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            // Where, not Jackson's message: that quotes the text, and reasons are logged.
            throw new Unprocessable(e.getLocation() == null ? "not JSON"
                    : "not JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || node.isMissingNode()) {
            throw new Unprocessable("empty, not a " + kind);
        }
        if (!node.isObject()) {
            throw new Unprocessable("not a JSON object but " + describe(node) + ", not a " + kind);
        }
        return node;
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    private static String shorten(String reason) {
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH) + "…";
    }

    /** Reads the fields of one object and collects every problem, so that the reason names them all. */
    private static final class Fields {

        private final JsonNode object;
        private final List<String> problems = new ArrayList<>();

        Fields(JsonNode object) {
            this.object = object;
        }

        String text(String name, int maxLength, boolean required) {
            JsonNode node = present(name, required);
            if (node == null) {
                return null;
            }
            if (!node.isTextual()) {
                problems.add(name + ": not a string");
                return null;
            }
            String value = node.textValue();
            if (required && value.isBlank()) {
                problems.add(name + ": blank");
            } else if (value.codePointCount(0, value.length()) > maxLength) {
                problems.add(name + ": longer than " + maxLength + " characters");
            } else if (!storable(value)) {
                problems.add(name + ": holds a character PostgreSQL cannot store (U+0000 or a lone surrogate)");
            }
            return value;
        }

        UnitType unitType(String name) {
            JsonNode node = present(name, true);
            if (node == null) {
                return null;
            }
            if (node.isTextual()) {
                for (UnitType type : UnitType.values()) {
                    if (type.name().equals(node.textValue())) {
                        return type;
                    }
                }
            }
            problems.add(name + ": not one of " + UNIT_TYPES);
            return null;
        }

        Long whole(String name) {
            JsonNode node = present(name, false);
            if (node == null) {
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                problems.add(name + ": not a whole number of at most 19 digits");
                return null;
            }
            return node.longValue();
        }

        Boolean flag(String name) {
            JsonNode node = present(name, true);
            if (node == null) {
                return null;
            }
            if (!node.isBoolean()) {
                problems.add(name + ": not true or false");
                return null;
            }
            return node.booleanValue();
        }

        /** The field's value, or null when it is absent or JSON null (a problem when it is required). */
        private JsonNode present(String name, boolean required) {
            JsonNode node = object.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    problems.add(name + ": missing");
                }
                return null;
            }
            return node;
        }

        void complete() throws Unprocessable {
            if (!problems.isEmpty()) {
                throw new Unprocessable(shorten(String.join("; ", problems)));
            }
        }

        /** PostgreSQL's text types refuse U+0000; the driver would turn a lone surrogate into '?'. */
        private static boolean storable(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\0') {
                    return false;
                }
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                } else if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
