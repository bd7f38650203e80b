package vn.edu.haiphong.dvc.ingest.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.edu.haiphong.dvc.api.problem.FieldError;

class EventFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OffsetDateTime LATEST = OffsetDateTime.parse("2024-06-01T12:05:00+07:00");

    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void aCompleteEventIsReadWithoutErrors() {
        EventFields f = read(valid(), 3);

        assertThat(errors).isEmpty();
        assertThat(f.eventId()).isEqualTo("motcua-2024-000123:S");
        assertThat(f.occurredAt()).isEqualTo(OffsetDateTime.parse("2024-03-04T08:15:00+07:00"));
        assertThat(f.dossierCode()).isEqualTo("HS-2024-000123");
        assertThat(f.procedureCode()).isEqualTo("1.005090");
        assertThat(f.unitCode()).isEqualTo("SGDDT");
    }

    @Test
    void everyMissingCommonFieldIsNamedWithTheEventsIndex() {
        read(JSON.createObjectNode(), 4);

        assertThat(errors).containsExactly(
                FieldError.at(4, "eventId", "is required"),
                FieldError.at(4, "occurredAt", "is required"),
                FieldError.at(4, "dossierCode", "is required"),
                FieldError.at(4, "procedureCode", "is required"),
                FieldError.at(4, "unitCode", "is required"));
    }

    @Test
    void somethingOtherThanAnObjectIsOneErrorAndNothingMoreIsRead() {
        EventFields f = new EventFields(JSON.getNodeFactory().textNode("SUBMITTED"), 0, errors);

        assertThat(f.readCommon(LATEST)).isFalse();
        assertThat(errors).containsExactly(FieldError.at(0, "event", "must be a JSON object"));
    }

    @Test
    void anEventIdMustBeAStringOfUpTo64AllowedCharacters() {
        read(valid().put("eventId", 42), null);
        read(valid().put("eventId", "x".repeat(65)), null);
        read(valid().put("eventId", "has space"), null);
        read(valid().put("eventId", "x".repeat(64)), null);

        assertThat(errors).containsExactly(
                FieldError.of("eventId", "must be a JSON string"),
                FieldError.of("eventId", "must be 1 to 64 characters long"),
                FieldError.of("eventId", "must be 1-64 characters of A-Z a-z 0-9 . _ : -"));
    }

    @Test
    void occurredAtIsNotBefore2000OnTheDepartmentsClock() {
        // 17:00 UTC on the last day of 1999 is midnight of 1 January 2000 in Hai Phong.
        read(valid().put("occurredAt", "1999-12-31T17:00:00Z"), null);
        assertThat(errors).isEmpty();

        read(valid().put("occurredAt", "1999-12-31T23:59:59+07:00"), null);
        assertThat(errors).containsExactly(FieldError.of("occurredAt", "must not be before 2000-01-01"));
    }

    @Test
    void occurredAtIsNotLaterThanTheLatestAcceptable() {
        read(valid().put("occurredAt", "2024-06-01T12:05:00+07:00"), null);
        assertThat(errors).isEmpty();

        read(valid().put("occurredAt", "2024-06-01T12:05:01+07:00"), null);
        assertThat(errors).containsExactly(FieldError.of("occurredAt", "must not be more than 5 minutes in the future"));
    }

    @Test
    void aTimeNeedsAnOffset() {
        read(valid().put("occurredAt", "2024-03-01T08:30:00"), null);
        read(valid().put("occurredAt", 1709256600), null);

        assertThat(errors).containsExactly(
                FieldError.of("occurredAt", "must be an ISO-8601 date-time with an offset, e.g. 2024-03-01T08:30:00+07:00"),
                FieldError.of("occurredAt", "must be an ISO-8601 date-time string with an offset"));
    }

    @Test
    void aCodeIsNotBlankAndHoldsNoControlCharacter() {
        EventFields f = read(valid().put("dossierCode", "   ").put("unitCode", "SG\u0000DDT"), null);

        assertThat(errors).containsExactly(
                FieldError.of("dossierCode", "must not be blank or contain control characters"),
                FieldError.of("unitCode", "must not be blank or contain control characters"));
        assertThat(f.dossierCode()).isNull();
        assertThat(f.unitCode()).isNull();
    }

    @Test
    void aWholeNumberIsNeitherAFractionNorAStringNorOutOfRange() {
        EventFields f = read(valid().put("a", 12.5).put("b", "50000").put("c", 0).put("d", 1_000_000_000_000L), null);

        assertThat(f.wholeNumber("a", 1, 1_000_000_000_000L, true)).isNull();
        assertThat(f.wholeNumber("b", 1, 1_000_000_000_000L, true)).isNull();
        assertThat(f.wholeNumber("c", 1, 1_000_000_000_000L, true)).isNull();
        assertThat(f.wholeNumber("d", 1, 1_000_000_000_000L, true)).isEqualTo(1_000_000_000_000L);
        assertThat(errors).containsExactly(
                FieldError.of("a", "must be a whole number from 1 to 1000000000000"),
                FieldError.of("b", "must be a whole number from 1 to 1000000000000"),
                FieldError.of("c", "must be a whole number from 1 to 1000000000000"));
    }

    @Test
    void anAbsentOptionalFieldIsNoErrorAndAnAbsentRequiredOneIs() {
        EventFields f = read(valid(), null);

        assertThat(f.wholeNumber("amount", 1, 10, false)).isNull();
        assertThat(f.enumValue("method", Colour.class, false)).isNull();
        assertThat(f.bool(f.node(), "flag", "flag", false)).isNull();
        assertThat(errors).isEmpty();

        f.wholeNumber("amount", 1, 10, true);
        f.enumValue("method", Colour.class, true);
        f.bool(f.node(), "flag", "flag", true);
        assertThat(errors).containsExactly(FieldError.of("amount", "is required"), FieldError.of("method", "is required"),
                FieldError.of("flag", "is required"));
    }

    @Test
    void anEnumValueOutsideTheListNamesTheList() {
        EventFields f = read(valid().put("colour", "PURPLE").put("other", "RED"), null);

        assertThat(f.enumValue("colour", Colour.class, true)).isNull();
        assertThat(f.enumValue("other", Colour.class, true)).isEqualTo(Colour.RED);
        assertThat(errors).containsExactly(FieldError.of("colour", "must be one of [RED, GREEN]"));
    }

    @Test
    void aNestedFieldIsReportedByItsPath() {
        ObjectNode event = valid();
        event.putObject("applicant").put("adult", "yes");
        EventFields f = read(event, 1);

        assertThat(f.bool(f.object("applicant", "is required"), "applicant.adult", "adult", true)).isNull();
        assertThat(f.object("missing", "is required for a SUBMITTED event")).isNull();
        assertThat(errors).containsExactly(FieldError.at(1, "applicant.adult", "must be true or false"),
                FieldError.at(1, "missing", "is required for a SUBMITTED event"));
    }

    enum Colour { RED, GREEN }

    private EventFields read(ObjectNode node, Integer index) {
        EventFields f = new EventFields(node, index, errors);
        f.readCommon(LATEST);
        return f;
    }

    private static ObjectNode valid() {
        return JSON.createObjectNode().put("eventId", "motcua-2024-000123:S").put("occurredAt", "2024-03-04T08:15:00+07:00")
                .put("dossierCode", "HS-2024-000123").put("procedureCode", "1.005090").put("unitCode", "SGDDT");
    }
}
