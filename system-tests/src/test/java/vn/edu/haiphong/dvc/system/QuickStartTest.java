package vn.edu.haiphong.dvc.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README's first command, as a new user runs it: {@code ./run-local.sh --fresh --demo} starts the whole
 * system with demo data, the indicators can be read with the token it wrote, and SIGTERM stops everything
 * it started, leaving no process and no port behind.
 */
class QuickStartTest {

    private static final List<Integer> PORTS = List.of(8081, 8082, 8083, 9092, 15432);
    private static final Duration START_LIMIT = Duration.ofMinutes(15);

    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsWithDemoDataServesTheIndicatorsAndStopsCleanly() throws Exception {
        assertThat(root.resolve("run-local.sh")).exists();
        for (int port : PORTS) {
            assertThat(listening(port)).as("port %d must be free before the quick start runs (stop what uses it)", port).isFalse();
        }
        Path local = root.resolve("system-tests/target/quickstart-local");
        Path output = root.resolve("system-tests/target/quickstart.log");
        Files.createDirectories(local);
        ProcessBuilder builder = new ProcessBuilder("./run-local.sh", "--fresh", "--demo").directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("DVC_LOCAL_DIR", local.toString());
        Process quickStart = builder.start();
        try {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (!Files.readString(output).contains("The system is running")) {
                assertThat(quickStart.isAlive()).as("run-local.sh ended early:%n%s", Files.readString(output)).isTrue();
                assertThat(System.nanoTime()).as("run-local.sh did not start within %s:%n%s", START_LIMIT, Files.readString(output))
                        .isLessThan(deadline);
                quickStart.waitFor(1, TimeUnit.SECONDS);
            }
            assertThat(Files.readString(output)).contains("Demo data loaded", "http://localhost:8083/q/swagger-ui");

            Map<String, String> tokens = tokens(local.resolve("tokens.env"));
            assertThat(tokens).containsKeys("INGEST_TOKEN", "READER_TOKEN", "ADMIN_TOKEN");
            JsonNode indicators = get("http://localhost:8083/api/v1/indicators", tokens.get("READER_TOKEN"));
            assertThat(indicators.get("indicators")).hasSize(23); // 1-14, and r2's 15-23
            Map<String, JsonNode> byId = new HashMap<>();
            indicators.get("indicators").forEach(i -> byId.put(i.get("id").asText(), i));
            // The demo's year so far: thousands of dossiers, values near the plan's targets, some met, some not.
            assertThat(byId.get("online-submission").get("denominator").asLong()).isGreaterThan(1_000);
            assertThat(byId.get("online-submission").get("value").asDouble()).isBetween(30.0, 80.0);
            assertThat(byId.get("dossier-digitization").get("value").asDouble()).isBetween(60.0, 100.0);
            assertThat(byId.get("online-payments").get("denominator").asLong()).isPositive();
            assertThat(byId.values()).anyMatch(i -> i.get("met").isBoolean() && i.get("met").asBoolean());
            assertThat(byId.values()).anyMatch(i -> i.get("met").isBoolean() && !i.get("met").asBoolean());
            assertThat(get("http://localhost:8083/api/v1/indicators/online-submission/units?unit=SGDDT", tokens.get("READER_TOKEN"))
                    .get("units").size()).isGreaterThan(10);
            assertThat(status("http://localhost:8081/api/v1/units", null)).isEqualTo(401);

            // r2: the demo's outreach: broadcast systems of which some missed weeks, and sessions at schools.
            assertThat(byId.get("weekly-broadcasts").get("denominator").asLong()).isGreaterThan(10);
            assertThat(byId.get("weekly-broadcasts").get("numerator").asLong()).isPositive()
                    .isLessThan(byId.get("weekly-broadcasts").get("denominator").asLong());
            assertThat(byId.get("schools-with-outreach-sessions").get("numerator").asLong()).isPositive();
            // r2: one more token, alone on one line, signed by the same key: a school's, which reads its own list only.
            String school = token(local, "unit-reporter", "THPT-1");
            assertThat(get("http://localhost:8081/api/v1/outreach-events", school).get("total").asLong()).isPositive();
            assertThat(status("http://localhost:8081/api/v1/outreach-events?unit=THPT-2", school)).isEqualTo(403);
            assertThat(status("http://localhost:8083/api/v1/indicators", school)).isEqualTo(403);
            assertThat(get("http://localhost:8083/api/v1/indicators", token(local, "reader", null)).get("indicators")).hasSize(23);
            assertThat(tokenCommand(local, "unit-reporter").exitValue()).as("a unit-reporter token needs its unit").isNotZero();
            assertThat(tokenCommand(local, "nobody").exitValue()).as("an unknown role").isNotZero();
        } finally {
            quickStart.destroy(); // SIGTERM, as a service manager or Ctrl-C's neighbour sends it
            assertThat(quickStart.waitFor(2, TimeUnit.MINUTES)).as("run-local.sh stops on SIGTERM").isTrue();
        }
        assertThat(Files.readString(output)).contains("stopped kafka postgres dossier-service payment-service indicator-service");
        for (int port : PORTS) {
            assertThat(listening(port)).as("port %d is left open", port).isFalse();
        }
        assertThat(ProcessHandle.allProcesses()
                .map(p -> p.info().commandLine().orElse(""))
                .filter(command -> command.contains(local.toString()) || command.contains(root + "/dossier-service/")
                        || command.contains(root + "/payment-service/") || command.contains(root + "/indicator-service/"))
                .toList()).as("processes left behind").isEmpty();
    }

    /** {@code ./run-local.sh token ROLE [UNIT]}: its one line of output. */
    private String token(Path local, String role, String unit) throws IOException, InterruptedException {
        Process p = unit == null ? tokenCommand(local, role) : tokenCommand(local, role, unit);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("token %s: %s", role, out).isZero();
        assertThat(out.lines().toList()).as("one line: %s", out).hasSize(1);
        return out.strip();
    }

    private Process tokenCommand(Path local, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("./run-local.sh", "token"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DVC_LOCAL_DIR", local.toString());
        Process p = builder.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return p;
    }

    private JsonNode get(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private int status(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, String> tokens(Path file) throws IOException {
        Map<String, String> tokens = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                tokens.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return tokens;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
