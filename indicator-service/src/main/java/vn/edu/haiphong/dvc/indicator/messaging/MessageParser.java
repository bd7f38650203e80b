package vn.edu.haiphong.dvc.indicator.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.contract.ContractLimits;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.service.Received;

/**
 * Reads a Kafka message into its contract type. A message that can never be processed (not JSON, an
 * unknown type or value, a missing field that every message of its kind has) is rejected with the
 * reason, for the dead-letter topic.
 */
@ApplicationScoped
public class MessageParser {

    /** A message that can never be processed, and why. */
    public static final class Unprocessable extends Exception {
        public Unprocessable(String reason) {
            super(reason);
        }
    }

    private final ObjectMapper mapper;

    public MessageParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Reads a message's bytes; what it cannot be read as its topic's contract type is refused with the reason. */
    public Received parse(String topic, byte[] value) throws Unprocessable {
        if (value == null) {
            throw new Unprocessable("no value (a tombstone): units, procedures and events are never deleted");
        }
        return parse(topic, utf8(value));
    }

    public Received parse(String topic, String value) throws Unprocessable {
        if (value == null) {
            throw new Unprocessable("no value (a tombstone): units, procedures and events are never deleted");
        }
        try {
            return switch (topic) {
                case Topics.DOSSIER_EVENTS -> new Received.Dossier(check(present(mapper.readValue(value, DossierEvent.class))));
                case Topics.PAYMENT_EVENTS -> new Received.Payment(check(present(mapper.readValue(value, PaymentEvent.class))));
                case Topics.OUTREACH_EVENTS -> new Received.Outreach(check(present(mapper.readValue(value, OutreachEvent.class))));
                case Topics.UNITS -> new Received.Unit(check(present(mapper.readValue(value, UnitRecord.class))));
                case Topics.PROCEDURES -> new Received.Procedure(check(present(mapper.readValue(value, ProcedureRecord.class))));
                default -> throw new Unprocessable("not a topic of ours: " + topic);
            };
        } catch (JsonProcessingException e) {
            throw new Unprocessable("unreadable: " + e.getOriginalMessage());
        }
    }

    /** The text of the bytes, which must be UTF-8: a replacement character would change a code into another one. */
    private static String utf8(byte[] value) throws Unprocessable {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw new Unprocessable("not valid UTF-8");
        }
    }

    /** The JSON text {@code null} reads as no object at all. */
    private static <T> T present(T message) throws Unprocessable {
        if (message == null) {
            throw new Unprocessable("the JSON value null, not an object");
        }
        return message;
    }

    private static DossierEvent check(DossierEvent e) throws Unprocessable {
        complete(e, e.missingFields());
        List<String> wrong = new ArrayList<>();
        codes(wrong, "eventId", e.eventId(), "dossierCode", e.dossierCode(), "procedureCode", e.procedureCode(), "unitCode", e.unitCode());
        time(wrong, "occurredAt", e.occurredAt());
        time(wrong, "dueAt", e.dueAt());
        if (e.applicant() != null) {
            codes(wrong, "applicant.idHash", e.applicant().idHash());
        }
        if (e.type() == DossierEventType.RATED && (e.rating() < ContractLimits.MIN_RATING || e.rating() > ContractLimits.MAX_RATING)) {
            wrong.add("rating (" + ContractLimits.MIN_RATING + " to " + ContractLimits.MAX_RATING + ")");
        }
        return valid(e, wrong);
    }

    private static PaymentEvent check(PaymentEvent e) throws Unprocessable {
        complete(e, e.missingFields());
        List<String> wrong = new ArrayList<>();
        codes(wrong, "eventId", e.eventId(), "transactionId", e.transactionId(), "dossierCode", e.dossierCode(),
                "procedureCode", e.procedureCode(), "unitCode", e.unitCode());
        time(wrong, "occurredAt", e.occurredAt());
        if (e.amount() != null && e.amount() < 0) {
            wrong.add("amount (not negative)");
        }
        return valid(e, wrong);
    }

    private static OutreachEvent check(OutreachEvent e) throws Unprocessable {
        complete(e, e.missingFields());
        List<String> wrong = new ArrayList<>();
        codes(wrong, "eventId", e.eventId(), "unitCode", e.unitCode());
        text(wrong, "title", e.title(), OutreachEvent.MAX_TITLE_LENGTH);
        time(wrong, "occurredAt", e.occurredAt());
        range(wrong, "durationSeconds", e.durationSeconds(), OutreachEvent.MAX_DURATION_SECONDS);
        range(wrong, "participants", e.participants(), OutreachEvent.MAX_PARTICIPANTS);
        return valid(e, wrong);
    }

    private static void range(List<String> wrong, String name, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            wrong.add(name + " (1 to " + max + ")");
        }
    }

    private static UnitRecord check(UnitRecord u) throws Unprocessable {
        complete(u, u.missingFields());
        List<String> wrong = new ArrayList<>();
        codes(wrong, "code", u.code(), "parentCode", u.parentCode());
        text(wrong, "name", u.name(), 500);
        if (u.code().equals(u.parentCode())) {
            wrong.add("parentCode (a unit cannot be its own parent)");
        }
        if (u.adultPopulation() != null && u.adultPopulation() < 0) {
            wrong.add("adultPopulation (not negative)");
        }
        return valid(u, wrong);
    }

    private static ProcedureRecord check(ProcedureRecord p) throws Unprocessable {
        complete(p, p.missingFields());
        List<String> wrong = new ArrayList<>();
        codes(wrong, "code", p.code());
        text(wrong, "name", p.name(), 1000);
        text(wrong, "field", p.field(), 500);
        return valid(p, wrong);
    }

    /** The codes and ids the facts keep: 1 to 64 characters (the contract's limit, and the facts' columns). */
    private static void codes(List<String> wrong, String... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            text(wrong, namesAndValues[i], namesAndValues[i + 1], ContractLimits.MAX_CODE_LENGTH);
        }
    }

    private static void text(List<String> wrong, String name, String value, int max) {
        if (value != null && (value.isEmpty() || value.length() > max || value.indexOf('\u0000') >= 0)) {
            wrong.add(name + " (1 to " + max + " characters, no NUL)");
        }
    }

    /** A time the database can hold as the contract means it: from the year 2000 to 9999. */
    private static void time(List<String> wrong, String name, OffsetDateTime value) {
        if (value != null && (value.isBefore(ContractLimits.EARLIEST) || value.getYear() > ContractLimits.LATEST_YEAR)) {
            wrong.add(name + " (years " + ContractLimits.EARLIEST.getYear() + " to " + ContractLimits.LATEST_YEAR + ")");
        }
    }

    private static <T> T valid(T message, List<String> wrong) throws Unprocessable {
        if (!wrong.isEmpty()) {
            throw new Unprocessable("out of range: " + String.join(", ", wrong));
        }
        return message;
    }

    private static <T> T complete(T message, List<String> missing) throws Unprocessable {
        if (!missing.isEmpty()) {
            throw new Unprocessable("missing " + String.join(", ", missing));
        }
        return message;
    }
}
