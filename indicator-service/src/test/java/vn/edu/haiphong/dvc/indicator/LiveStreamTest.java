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

    private static long count(JsonNode response, String id) {
        for (JsonNode indicator : response.get("indicators")) {
            if (indicator.get("id").asText().equals(id)) {
                return indicator.get("denominator").asLong();
            }
        }
        throw new AssertionError(id + " not in " + response);
    }
}
