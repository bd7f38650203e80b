package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.indicator.domain.Indicator;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.contract.UnitType;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * The live stream, as a dashboard reads it: every indicator first, then the ones that change. (How fast
 * is a benchmark's business; here the change must simply arrive, well within the await's bound.)
 */
@QuarkusTest
class LiveStreamTest {

    @TestHTTPResource("/api/v1/indicators/stream")
    URI stream;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void pushesEveryIndicatorThenTheChangedOnes() throws Exception {
        Published.send(List.of(new UnitRecord("LIVE-U", "Trường Live", UnitType.SCHOOL, null, null),
                new ProcedureRecord("LIVE-P", "Thủ tục Live", "Giáo dục", true, true, true, false)));
        List<String> events = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + TestTokens.reader())
                .header("Accept", "text/event-stream").GET().build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        CompletableFuture<Void> reading = response.thenAccept(r -> r.body()
                .filter(line -> line.startsWith("data:"))
                .forEach(line -> events.add(line.substring(5).trim())));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !events.isEmpty());
            JsonNode first = mapper.readTree(events.get(0));
            assertThat(first.get("indicators")).hasSize(Indicator.values().length);
            long before = count(first, "online-submission");

            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(1);
            Published.send(List.of(new DossierEvent("live-1", DossierEventType.SUBMITTED, now, "LIVE-HS-1", "LIVE-P", "LIVE-U",
                    Channel.ONLINE, true, new Applicant(ApplicantKind.CITIZEN, "c".repeat(64), true, true), null, null, null)));

            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().skip(1).anyMatch(e -> e.contains("online-submission")));
            JsonNode change = mapper.readTree(events.stream().skip(1).filter(e -> e.contains("online-submission")).findFirst().orElseThrow());
            assertThat(change.get("indicators").size()).isLessThan(Indicator.values().length);
            assertThat(count(change, "online-submission")).isEqualTo(before + 1);
        } finally {
            reading.cancel(true);
            response.cancel(true);
        }
    }

    @Test
    void anAccountHoldsAtMostTenStreamsAndAStreamEndsWhenItsTokenExpires() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String token = TestTokens.forSubject("live-cap-" + java.util.UUID.randomUUID(), "reader");
        List<java.io.InputStream> streams = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                HttpResponse<java.io.InputStream> r = client.send(sse(token), HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).as("stream %d", i + 1).isEqualTo(200);
                streams.add(r.body());
            }
            HttpResponse<String> eleventh = client.send(sse(token), HttpResponse.BodyHandlers.ofString());
            assertThat(eleventh.statusCode()).isEqualTo(429);
            assertThat(eleventh.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            // Another account is not held back by this one.
            HttpResponse<java.io.InputStream> other = client.send(sse(TestTokens.reader()), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(other.statusCode()).isEqualTo(200);
            streams.add(other.body());
            // A stream closed by its reader frees its place.
            streams.remove(0).close();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                HttpResponse<java.io.InputStream> again = client.send(sse(token), HttpResponse.BodyHandlers.ofInputStream());
                if (again.statusCode() == 200) {
                    streams.add(again.body());
                    return true;
                }
                again.body().close();
                return false;
            });
        } finally {
            for (java.io.InputStream s : streams) {
                s.close();
            }
        }

        // A token that expires in 3 seconds: its stream ends then, though nothing changed.
        String shortLived = TestTokens.lasting(Duration.ofSeconds(3), "live-short-" + java.util.UUID.randomUUID(), "reader");
        HttpResponse<java.io.InputStream> r = client.send(sse(shortLived), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> {
            try (java.io.InputStream in = r.body()) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        drained.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    private HttpRequest sse(String token) {
        return HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
    }

    private static long count(JsonNode response, String id) {
        for (JsonNode indicator : response.get("indicators")) {
            if (indicator.get("id").asText().equals(id)) {
                return indicator.get("denominator").asLong();
            }
        }
        throw new AssertionError(id + " not in " + response);
    }
}
