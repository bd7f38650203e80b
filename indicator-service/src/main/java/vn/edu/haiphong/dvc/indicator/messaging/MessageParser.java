package vn.edu.haiphong.dvc.indicator.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.service.FactUpdater.Received;

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

    public Received parse(String topic, String value) throws Unprocessable {
        if (value == null) {
            throw new Unprocessable("empty message");
        }
        try {
            Object message = switch (topic) {
                case Topics.DOSSIER_EVENTS -> check(mapper.readValue(value, DossierEvent.class));
                case Topics.PAYMENT_EVENTS -> check(mapper.readValue(value, PaymentEvent.class));
                case Topics.UNITS -> check(mapper.readValue(value, UnitRecord.class));
                case Topics.PROCEDURES -> check(mapper.readValue(value, ProcedureRecord.class));
                default -> throw new Unprocessable("not a topic of ours: " + topic);
            };
            return new Received(topic, message);
        } catch (JsonProcessingException e) {
            throw new Unprocessable("unreadable: " + e.getOriginalMessage());
        }
    }

    private static DossierEvent check(DossierEvent e) throws Unprocessable {
        List<String> missing = missing("eventId", e.eventId(), "type", e.type(), "occurredAt", e.occurredAt(),
                "dossierCode", e.dossierCode(), "procedureCode", e.procedureCode(), "unitCode", e.unitCode());
        if (e.type() != null) {
            switch (e.type()) {
                case SUBMITTED -> {
                    missing.addAll(missing("channel", e.channel(), "fullyOnline", e.fullyOnline(), "applicant", e.applicant()));
                    if (e.applicant() != null) {
                        missing.addAll(missing("applicant.kind", e.applicant().kind(), "applicant.idHash", e.applicant().idHash()));
                    }
                }
                case RECEIVED -> missing.addAll(missing("dueAt", e.dueAt()));
                case RATED -> missing.addAll(missing("rating", e.rating()));
                default -> {
                }
            }
        }
        return complete(e, missing);
    }

    private static PaymentEvent check(PaymentEvent e) throws Unprocessable {
        List<String> missing = missing("eventId", e.eventId(), "type", e.type(), "transactionId", e.transactionId(),
                "occurredAt", e.occurredAt(), "dossierCode", e.dossierCode(), "procedureCode", e.procedureCode(),
                "unitCode", e.unitCode());
        if (e.type() == vn.edu.haiphong.dvc.contract.PaymentEventType.PAID) {
            missing.addAll(missing("method", e.method(), "amount", e.amount()));
        }
        return complete(e, missing);
    }

    private static UnitRecord check(UnitRecord u) throws Unprocessable {
        return complete(u, missing("code", u.code(), "name", u.name(), "type", u.type()));
    }

    private static ProcedureRecord check(ProcedureRecord p) throws Unprocessable {
        return complete(p, missing("code", p.code(), "name", p.name()));
    }

    private static <T> T complete(T message, List<String> missing) throws Unprocessable {
        if (!missing.isEmpty()) {
            throw new Unprocessable("missing " + String.join(", ", missing));
        }
        return message;
    }

    /** @param namesAndValues name, value, name, value... */
    private static List<String> missing(Object... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                missing.add((String) namesAndValues[i]);
            }
        }
        return missing;
    }
}
