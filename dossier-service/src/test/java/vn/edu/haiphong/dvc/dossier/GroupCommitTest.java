package vn.edu.haiphong.dvc.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.TopicReader;

/**
 * Single-event requests sent concurrently, as the one-stop office system sends them, are stored in groups (group
 * commit): each is still answered as if it had come alone, and exactly the accepted events are published, once.
 */
@QuarkusTest
class GroupCommitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private record Sent(String kind, String dossier, Map<String, Object> event, int status, JsonNode body) {
    }

    @Test
    void concurrentSingleEventsAreEachAnsweredAsAloneAndOnlyTheValidOnesPublishedOnce() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create();
        List<String> dossiers = new ArrayList<>();
        List<String[]> requests = new ArrayList<>();
        Map<String, Map<String, Object>> events = new HashMap<>();
        int n = 40;
        for (int d = 0; d < n; d++) {
            String dossier = unique("HS");
            dossiers.add(dossier);
            Map<String, Object> submitted = scope.event("SUBMITTED", dossier);
            Map<String, Object> received = scope.event("RECEIVED", dossier);
            // The same eventId with other content: whichever comes second is a conflict.
            Map<String, Object> otherReceived = new HashMap<>(received);
            otherReceived.put("dueAt", Fixtures.time(OffsetDateTime.of(2024, 3, 12, 17, 0, 0, 0, Fixtures.VN)));
            Map<String, Object> badRating = scope.event("RATED", dossier);
            badRating.put("rating", 9);
            events.put("S" + d, submitted);
            events.put("R" + d, received);
            events.put("R'" + d, otherReceived);
            events.put("X" + d, badRating);
            for (String key : List.of("S", "S", "R", "R'", "X")) {
                requests.add(new String[] { key + d, key, dossier });
            }
        }
        Collections.shuffle(requests);

        ExecutorService senders = Executors.newFixedThreadPool(32);
        List<Future<Sent>> futures = new ArrayList<>();
        for (String[] r : requests) {
            futures.add(senders.submit(() -> {
                ExtractableResponse<Response> answer = Fixtures.post(events.get(r[0])).extract();
                return new Sent(r[1], r[2], events.get(r[0]), answer.statusCode(), JSON.readTree(answer.asString()));
            }));
        }
        List<Sent> sent = new ArrayList<>();
        for (Future<Sent> f : futures) {
            sent.add(f.get());
        }
        senders.shutdown();

        Map<String, Map<String, Object>> publishedExpected = new HashMap<>();
        for (String dossier : dossiers) {
            List<Sent> ofDossier = sent.stream().filter(s -> s.dossier.equals(dossier)).toList();
            List<Sent> submitted = ofDossier.stream().filter(s -> s.kind.equals("S")).toList();
            assertThat(submitted).extracting(Sent::status).containsOnly(202);
            assertThat(submitted.stream().mapToInt(s -> s.body.path("accepted").asInt()).sum()).as("accepted once").isEqualTo(1);
            assertThat(submitted.stream().mapToInt(s -> s.body.path("duplicates").asInt()).sum()).as("then a duplicate").isEqualTo(1);
            List<Sent> received = ofDossier.stream().filter(s -> s.kind.startsWith("R")).toList();
            assertThat(received).extracting(Sent::status).containsExactlyInAnyOrder(202, 409);
            Sent winner = received.stream().filter(s -> s.status == 202).findFirst().orElseThrow();
            assertThat(winner.body.path("accepted").asInt()).isEqualTo(1);
            Sent loser = received.stream().filter(s -> s.status == 409).findFirst().orElseThrow();
            assertThat(loser.body.path("errors").get(0).path("field").asText()).isEqualTo("eventId");
            assertThat(ofDossier.stream().filter(s -> s.kind.equals("X"))).extracting(Sent::status).containsOnly(422);
            publishedExpected.put((String) submitted.get(0).event.get("eventId"), submitted.get(0).event);
            publishedExpected.put((String) winner.event.get("eventId"), winner.event);
        }

        Set<String> ours = new HashSet<>();
        events.values().forEach(e -> ours.add((String) e.get("eventId")));
        try (TopicReader reader = new TopicReader(bootstrapServers, Topics.DOSSIER_EVENTS)) {
            List<TopicReader.Message> messages = await().atMost(Duration.ofSeconds(60))
                    .until(() -> reader.poll().stream().filter(m -> ours.contains(m.headers().get("ce_id"))).toList(),
                            list -> list.size() >= publishedExpected.size());
            // A little longer, so that a message published twice would show.
            Thread.sleep(1000);
            messages = reader.poll().stream().filter(m -> ours.contains(m.headers().get("ce_id"))).toList();
            assertThat(messages).extracting(m -> m.headers().get("ce_id"))
                    .containsExactlyInAnyOrderElementsOf(publishedExpected.keySet());
            Map<String, TopicReader.Message> byId = messages.stream().collect(Collectors.toMap(m -> m.headers().get("ce_id"), m -> m));
            for (Map.Entry<String, Map<String, Object>> e : publishedExpected.entrySet()) {
                if (e.getValue().get("type").equals("RECEIVED")) {
                    // The content stored and published is the one whose request was answered 202.
                    assertThat(OffsetDateTime.parse(JSON.readTree(byId.get(e.getKey()).value()).path("dueAt").asText()).toInstant())
                            .isEqualTo(OffsetDateTime.parse((String) e.getValue().get("dueAt")).toInstant());
                }
            }
        }

        // Stored: sending an accepted event again is a duplicate; the refused content is still refused.
        for (Sent s : sent) {
            if (s.status == 202 && s.body.path("accepted").asInt() == 1) {
                assertThat(Fixtures.post(s.event).extract().path("duplicates").toString()).isEqualTo("1");
            }
        }
    }
}
