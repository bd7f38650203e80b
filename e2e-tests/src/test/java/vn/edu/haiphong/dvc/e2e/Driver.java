package vn.edu.haiphong.dvc.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.infra.ProcessStack;
import vn.edu.haiphong.dvc.testing.data.Ledger;

/**
 * Sends a data set as the one-stop office system and the payment platform would: reference data first,
 * then events in batches of random size and one by one, over both ingest endpoints. A 5xx, a timeout or a
 * refused connection is retried with the same body (the same eventIds) until it is answered; only what
 * was answered 2xx goes into the ledger the expected numbers are computed from.
 */
final class Driver {

    private final ProcessStack stack;
    private final Ledger ledger;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    final AtomicLong retries = new AtomicLong();
    final AtomicLong sent = new AtomicLong();
    /** How many requests got each HTTP status, retried ones included: what the sending systems saw. */
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();

    Driver(ProcessStack stack, Ledger ledger, long seed) {
        this.stack = stack;
        this.ledger = ledger;
        this.random = new Random(seed);
    }

    void reference(List<Object> records) throws Exception {
        for (Object record : records) {
            if (record instanceof UnitRecord u) {
                send("PUT", stack.url("dossier-service") + "/api/v1/units/" + u.code(), stack.adminToken, json.writeValueAsString(u));
            } else if (record instanceof ProcedureRecord p) {
                send("PUT", stack.url("dossier-service") + "/api/v1/procedures/" + p.code(), stack.adminToken, json.writeValueAsString(p));
            }
            ledger.remember(record);
        }
    }

    /** Sends the events in the given order, grouped into batches of 1 to 500 of one kind. */
    void events(List<Object> events) throws Exception {
        int i = 0;
        while (i < events.size()) {
            boolean dossier = events.get(i) instanceof DossierEvent;
            int size = random.nextInt(10) < 3 ? 1 : 1 + random.nextInt(500);
            List<Object> batch = new ArrayList<>();
            while (i < events.size() && batch.size() < size && (events.get(i) instanceof DossierEvent) == dossier) {
                batch.add(events.get(i++));
            }
            String body = batch.size() == 1 && random.nextBoolean() ? body(batch.get(0)) : "[" + String.join(",",
                    batch.stream().map(this::body).toList()) + "]";
            send("POST", stack.url(dossier ? "dossier-service" : "payment-service")
                    + (dossier ? "/api/v1/dossier-events" : "/api/v1/payment-events"), stack.ingestToken, body);
            ledger.rememberAll(batch);
            sent.addAndGet(batch.size());
        }
    }

    /** The wire form: a dossier event's applicant carries the clear id (the service hashes it). */
    private String body(Object event) {
        try {
            ObjectNode node = json.valueToTree(event);
            if (event instanceof DossierEvent && node.has("applicant")) {
                ObjectNode applicant = (ObjectNode) node.get("applicant");
                applicant.set("id", applicant.remove("idHash"));
            }
            return json.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String method, String url, String token, String body) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                statuses.computeIfAbsent(response.statusCode(), status -> new AtomicLong()).incrementAndGet();
                if (response.statusCode() / 100 == 2) {
                    return;
                }
                if (response.statusCode() < 500) {
                    throw new AssertionError(method + " " + url + " refused valid data with " + response.statusCode() + ": "
                            + response.body());
                }
            } catch (IOException e) {
                // The service is down or restarting: the same request again, later.
            }
            retries.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new AssertionError(method + " " + url + " was not answered within 5 minutes");
            }
            Thread.sleep(200);
        }
    }
}
