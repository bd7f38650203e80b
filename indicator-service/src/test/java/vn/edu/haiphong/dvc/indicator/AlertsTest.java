package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.edu.haiphong.dvc.testing.TestTokens;
import vn.edu.haiphong.dvc.testing.data.DataSet;
import vn.edu.haiphong.dvc.testing.data.Expected;

/**
 * r2 (issue 20): a unit falling behind raises an alert once, in the feed and at a webhook that receives it signed; the
 * receiver, a local HTTP server, checks the signature with the shared secret.
 */
@QuarkusTest
@TestProfile(AlertsTest.Checking.class)
class AlertsTest {

    private static final String SECRET = "alerts-test-secret-of-at-least-32-bytes";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Of the whole catalogue, which other test classes register procedures in too: left out of the comparison. */
    private static final Set<String> CATALOGUE = Set.of("procedures-fully-online", "fully-online-on-national-portal");

    public static class Checking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("dvc.alerts.enabled", "true", "dvc.alerts.check-every", "2s", "dvc.alerts.deliver-every", "1s",
                        "dvc.alerts.overdue-threshold", "0", "dvc.alerts.webhook-secret", SECRET,
                        "dvc.alerts.webhook-url", "http://localhost:" + socket.getLocalPort() + "/hooks/dvc",
                        // The data set's year, read as a year gone by: 1 January to 31 December.
                        "dvc.alerts.year", "2024");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ConfigProperty(name = "dvc.alerts.webhook-url")
    String webhook;

    @Test
    void aUnitBelowItsTargetRaisesOneAlertInTheFeedAndAtTheWebhookSigned() throws Exception {
        record Received(String signature, byte[] body) {
        }
        List<Received> received = new CopyOnWriteArrayList<>();
        URI hook = URI.create(webhook);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", hook.getPort()), 0);
        receiver.createContext(hook.getPath(), exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-DVC-Signature"), in.readAllBytes()));
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            DataSet data = new DataSet(20_260_101L, "AL", 120);
            Published.send(data.shuffledWithDuplicates());
            LocalDate from = LocalDate.of(2024, 1, 1);
            LocalDate today = LocalDate.of(2024, 12, 31);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> Indicators.served(from, today, data.root).get("online-submission")
                            .equals(Expected.indicators(Published.LEDGER, from, today, data.root).get("online-submission")));

            // What must alert: each indicator with a target of the department and its districts that the counts leave unmet.
            Map<String, BigDecimal> targets = new java.util.HashMap<>();
            Indicators.read(from, today, data.root).<Map<String, Object>>getList("indicators").stream().filter(i -> i.get("target") != null)
                    .forEach(i -> targets.put((String) i.get("id"), new BigDecimal(String.valueOf(i.get("target")))));
            Set<String> expected = new HashSet<>();
            for (String unit : units(data)) {
                Expected.indicators(Published.LEDGER, from, today, unit).forEach((id, pair) -> {
                    BigDecimal target = targets.get(id);
                    if (target != null && !CATALOGUE.contains(id) && pair.denominator() != null && pair.denominator() > 0 && BigDecimal.valueOf(pair.numerator())
                            .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(pair.denominator()), 2, java.math.RoundingMode.HALF_UP)
                            .compareTo(target) < 0) {
                        expected.add(unit + "/" + id);
                    }
                });
            }
            assertThat(expected).as("the data set leaves some target unmet").isNotEmpty();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> belowTarget(units(data)).containsAll(expected));
            // Once each: later checks raise nothing more for the same crossing.
            Thread.sleep(5_000);
            List<String> raised = belowTargetList(units(data));
            assertThat(raised).doesNotHaveDuplicates();
            assertThat(new HashSet<>(raised)).isEqualTo(expected);

            // The webhook got each, signed with the secret.
            await().atMost(Duration.ofSeconds(60)).until(() -> received.stream().map(r -> unitAndSubject(r.body()))
                    .filter(expected::contains).distinct().count() == expected.size());
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (Received r : received) {
                assertThat(r.signature()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body())));
            }
            given().auth().oauth2(TestTokens.reader()).queryParam("limit", "0").get("/api/v1/alerts").then().statusCode(400)
                    .body("errors.field", hasItems("limit"));
        } finally {
            receiver.stop(0);
        }
    }

    private static List<String> units(DataSet data) {
        List<String> units = new java.util.ArrayList<>(data.districts);
        units.add(data.root);
        return units;
    }

    private static Set<String> belowTarget(List<String> units) {
        return new HashSet<>(belowTargetList(units));
    }

    private static List<String> belowTargetList(List<String> units) {
        List<String> found = new java.util.ArrayList<>();
        for (String unit : units) {
            List<Map<String, Object>> feed = given().auth().oauth2(TestTokens.reader()).queryParam("unit", unit).queryParam("limit", "500")
                    .get("/api/v1/alerts").then().statusCode(200).extract().jsonPath().getList("");
            feed.stream().filter(a -> "BELOW_TARGET".equals(a.get("type")) && !CATALOGUE.contains(a.get("subject"))).forEach(a -> found.add(unit + "/" + a.get("subject")));
        }
        return found;
    }

    private static String unitAndSubject(byte[] body) {
        try {
            JsonNode alert = JSON.readTree(body);
            return "BELOW_TARGET".equals(alert.get("type").asText()) ? alert.get("unit").asText() + "/" + alert.get("subject").asText() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
