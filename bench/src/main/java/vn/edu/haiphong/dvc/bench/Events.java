package vn.edu.haiphong.dvc.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import vn.edu.haiphong.dvc.contract.DepartmentTime;

/**
 * The events the harness sends over HTTP, as the one-stop office system and the payment platform would:
 * each dossier's six lifecycle events (submitted, received, digitized, result issued, digitized and synced),
 * each transaction's payment. Every sender has its own stream, so no two senders touch one dossier.
 */
final class Events {

    private static final String[] CHANNELS = { "ONLINE", "ONLINE", "ONLINE", "IN_PERSON", "IN_PERSON", "POSTAL" };
    private static final String[] METHODS = { "NATIONAL_PORTAL", "NATIONAL_PORTAL", "OTHER_ONLINE", "BANK_TRANSFER", "CASH" };

    private final String prefix;
    private final List<String> units;
    private final List<String> procedures;
    private final SplittableRandom random;
    private long next;

    /** @param prefix makes this stream's dossier codes and event ids unique in the run */
    Events(String prefix, List<String> units, List<String> procedures, long seed) {
        this.prefix = prefix;
        this.units = units;
        this.procedures = procedures;
        this.random = new SplittableRandom(seed);
    }

    /** The next dossier's events, as JSON objects, in the order they happen. */
    List<String> nextDossier() {
        String code = prefix + "-" + next++;
        String procedure = procedures.get(random.nextInt(procedures.size()));
        String unit = units.get(random.nextInt(units.size()));
        // As a live system sees them: submitted in the last three days, and every later event (within 11 hours
        // of the submission) already past.
        OffsetDateTime submitted = OffsetDateTime.now(DepartmentTime.OFFSET).minusHours(12).minusMinutes(random.nextInt(60 * 60)).withNano(0);
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        boolean online = channel.equals("ONLINE");
        List<String> events = new ArrayList<>(6);
        String head = "{\"dossierCode\":\"" + code + "\",\"procedureCode\":\"" + procedure + "\",\"unitCode\":\"" + unit + "\"";
        events.add(head + ",\"eventId\":\"" + code + ":S\",\"type\":\"SUBMITTED\",\"occurredAt\":\"" + submitted
                + "\",\"channel\":\"" + channel + "\",\"fullyOnline\":" + (online && random.nextInt(10) < 8)
                + ",\"applicant\":{\"kind\":\"CITIZEN\",\"id\":\"0" + (31_000_000_000L + random.nextInt(2_000_000))
                + "\",\"adult\":" + (random.nextInt(10) < 8) + ",\"vneid\":true}}");
        OffsetDateTime received = submitted.plusMinutes(30);
        events.add(head + ",\"eventId\":\"" + code + ":R\",\"type\":\"RECEIVED\",\"occurredAt\":\"" + received
                + "\",\"dueAt\":\"" + received.plusDays(10) + "\"}");
        events.add(head + ",\"eventId\":\"" + code + ":D\",\"type\":\"DOSSIER_DIGITIZED\",\"occurredAt\":\"" + received.plusMinutes(5) + "\"}");
        OffsetDateTime result = received.plusMinutes(10 + random.nextInt(600));
        events.add(head + ",\"eventId\":\"" + code + ":I\",\"type\":\"RESULT_ISSUED\",\"occurredAt\":\"" + result
                + "\",\"outcome\":\"APPROVED\"}");
        events.add(head + ",\"eventId\":\"" + code + ":G\",\"type\":\"RESULT_DIGITIZED\",\"occurredAt\":\"" + result.plusMinutes(1) + "\"}");
        events.add(head + ",\"eventId\":\"" + code + ":Y\",\"type\":\"RESULT_SYNCED\",\"occurredAt\":\"" + result.plusMinutes(2) + "\"}");
        return events;
    }

    /** The next transaction's PAID event, as a JSON object. */
    String nextPayment() {
        String code = prefix + "-" + next++;
        String procedure = procedures.get(random.nextInt(procedures.size()));
        String unit = units.get(random.nextInt(units.size()));
        OffsetDateTime paid = OffsetDateTime.now(DepartmentTime.OFFSET).minusMinutes(1 + random.nextInt(72 * 60)).withNano(0);
        return "{\"eventId\":\"" + code + ":P\",\"type\":\"PAID\",\"transactionId\":\"" + code + "\",\"occurredAt\":\"" + paid
                + "\",\"dossierCode\":\"D" + code + "\",\"procedureCode\":\"" + procedure + "\",\"unitCode\":\"" + unit
                + "\",\"amount\":" + (10_000 + random.nextInt(500) * 1000) + ",\"method\":\"" + METHODS[random.nextInt(METHODS.length)]
                + "\"}";
    }

    /** The event id of the probe of dossier {@code code}. */
    static String probeEventId(String code) {
        return code + ":S";
    }

    /** One SUBMITTED event, now, at the given unit: what a freshness probe sends. */
    static String probe(String code, String procedure, String unit) {
        return "{\"eventId\":\"" + probeEventId(code) + "\",\"type\":\"SUBMITTED\",\"occurredAt\":\"" + OffsetDateTime.now(DepartmentTime.OFFSET).withNano(0)
                + "\",\"dossierCode\":\"" + code + "\",\"procedureCode\":\"" + procedure + "\",\"unitCode\":\"" + unit
                + "\",\"channel\":\"ONLINE\",\"fullyOnline\":false,\"applicant\":{\"kind\":\"ORGANIZATION\",\"id\":\"0200000000\"}}";
    }
}
