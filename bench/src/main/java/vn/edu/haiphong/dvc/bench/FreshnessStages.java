package vn.edu.haiphong.dvc.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a probe's freshness goes, from the times the system itself records, all on this machine's one clock: the 202;
 * the outbox row marked sent (dossier-service's {@code outbox_message.sent_at}, once Kafka acknowledged it); the
 * consumer batch that counted it began ({@code processed_event.processed_at}, indicator-service's batch start); the
 * first indicator answer that counted it. A stage can be slightly negative: the relay marks a row sent after the
 * acknowledgement, by which time the consumer may already hold the record.
 */
final class FreshnessStages {

    /** One probe: its event id, when it was accepted (the 202) and first seen counted. */
    record Probe(String eventId, Instant accepted, Instant seen) {
    }

    /** Each stage's percentiles over the probes found in both databases. */
    record Result(int probes, Percentiles relay, Percentiles toBatch, Percentiles batchToAnswer) {
    }

    private FreshnessStages() {
    }

    static Result of(int postgresPort, List<Probe> probes) throws SQLException {
        List<String> ids = probes.stream().map(Probe::eventId).toList();
        Map<String, Instant> sent = times(postgresPort, "dossier",
                "select ce_id, sent_at from outbox_message where ce_id = any(?) and sent_at is not null", ids);
        Map<String, Instant> batch = times(postgresPort, "indicator",
                "select event_id, processed_at from processed_event where topic = 'dvc.dossier-events' and event_id = any(?)", ids);
        List<Long> relay = new ArrayList<>();
        List<Long> toBatch = new ArrayList<>();
        List<Long> toAnswer = new ArrayList<>();
        for (Probe p : probes) {
            Instant s = sent.get(p.eventId());
            Instant b = batch.get(p.eventId());
            if (s == null || b == null) {
                continue;
            }
            relay.add(Duration.between(p.accepted(), s).toNanos());
            toBatch.add(Duration.between(s, b).toNanos());
            toAnswer.add(Duration.between(b, p.seen()).toNanos());
        }
        return new Result(relay.size(), percentiles(relay), percentiles(toBatch), percentiles(toAnswer));
    }

    private static Percentiles percentiles(List<Long> nanos) {
        return Percentiles.of(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    private static Map<String, Instant> times(int port, String database, String sql, List<String> ids) throws SQLException {
        Map<String, Instant> times = new HashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, "postgres", "postgres");
                PreparedStatement s = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("varchar", ids.toArray());
            s.setArray(1, array);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    times.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
            }
        }
        return times;
    }
}
