package vn.edu.haiphong.dvc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * PostgreSQL's own ceiling for single events, the baseline beside the single-event row: a {@code pgbench}-style loop
 * of the transaction a lone request would need at least, on the same server, with the same rows: the dossier
 * when it is new, the event and its outbox row, then a commit. Nothing else: no HTTP, no validation, no
 * locks or checks. Its tables are copies of dossier-service's (same columns and indexes, without the foreign keys
 * to reference data), in the same database, so that the same server and disk answer.
 */
final class Ceiling {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Ceiling() {
    }

    /** @return what the loop achieved, counted as an ingest run (an event per commit) */
    static Ingest.Result run(int port, List<Supplier<String>> streams, double seconds) throws Exception {
        String url = "jdbc:postgresql://localhost:" + port + "/dossier";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop table if exists ceiling_event, ceiling_outbox, ceiling_dossier");
            s.execute("create table ceiling_dossier (like dossier including defaults including indexes)");
            s.execute("create table ceiling_event (like dossier_event including defaults including indexes)");
            s.execute("alter table ceiling_event add foreign key (dossier_code) references ceiling_dossier (code)");
            s.execute("create table ceiling_outbox (like outbox_message including defaults including indexes)");
            s.execute("create sequence if not exists ceiling_outbox_seq");
        }
        AtomicLong committed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> clients = new ArrayList<>();
        for (Supplier<String> stream : streams) {
            Thread client = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
                    c.setAutoCommit(false);
                    loop(c, stream, end, committed, failed, failures);
                } catch (SQLException e) {
                    failed.incrementAndGet();
                    failures.add(e.toString());
                }
            }, "ceiling-" + clients.size());
            client.start();
            clients.add(client);
        }
        for (Thread t : clients) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Ingest.Result("PostgreSQL single-row ceiling", 1, streams.size(), committed.get(), failed.get(), elapsed,
                List.of(), failures.peek());
    }

    private static void loop(Connection c, Supplier<String> stream, long end, AtomicLong committed, AtomicLong failed,
            ConcurrentLinkedQueue<String> failures) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement dossier = c.prepareStatement("insert into ceiling_dossier (code, procedure_code, unit_code, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?) on conflict (code) do nothing");
                PreparedStatement event = c.prepareStatement("insert into ceiling_event (event_id, dossier_code, type, occurred_at, "
                        + "content_hash, payload, accepted_at) values (?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement outbox = c.prepareStatement("insert into ceiling_outbox (id, topic, message_key, payload, ce_id, "
                        + "ce_type, ce_time, created_at) values (nextval('ceiling_outbox_seq'), ?, ?, ?, ?, ?, ?, ?)")) {
            while (System.nanoTime() < end) {
                String json = stream.get();
                try {
                    JsonNode e = JSON.readTree(json);
                    String code = e.path("dossierCode").asText();
                    String type = e.path("type").asText();
                    OffsetDateTime occurred = OffsetDateTime.parse(e.path("occurredAt").asText());
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    if (known.add(code)) {
                        dossier.setString(1, code);
                        dossier.setString(2, e.path("procedureCode").asText());
                        dossier.setString(3, e.path("unitCode").asText());
                        dossier.setObject(4, now);
                        dossier.setObject(5, now);
                        dossier.executeUpdate();
                    }
                    String id = e.path("eventId").asText();
                    event.setString(1, id);
                    event.setString(2, code);
                    event.setString(3, type);
                    event.setObject(4, occurred);
                    event.setString(5, "%064x".formatted(json.hashCode() & 0xffffffffL));
                    event.setString(6, json);
                    event.setObject(7, now);
                    event.executeUpdate();
                    outbox.setString(1, "dvc.dossier.events");
                    outbox.setString(2, code);
                    outbox.setString(3, json);
                    outbox.setString(4, id);
                    outbox.setString(5, "vn.edu.haiphong.dvc.dossier." + type);
                    outbox.setObject(6, occurred);
                    outbox.setObject(7, now);
                    outbox.executeUpdate();
                    c.commit();
                    committed.incrementAndGet();
                } catch (Exception ex) {
                    c.rollback();
                    failed.incrementAndGet();
                    if (failures.isEmpty()) {
                        failures.add(ex.toString());
                    }
                }
            }
        }
    }
}
