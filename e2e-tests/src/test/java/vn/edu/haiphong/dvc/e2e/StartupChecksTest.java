package vn.edu.haiphong.dvc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.infra.Ports;
import vn.edu.haiphong.dvc.infra.ProcessStack;

/**
 * A setting that would make every request fail later stops the service at start-up, naming the setting: the jar as
 * an operator runs it, against the running system's database and Kafka.
 */
class StartupChecksTest {

    @Test
    void anApplicantHashKeyShorterThan32BytesStopsDossierServiceAtStartUp() throws Exception {
        ProcessStack stack = SharedStack.get();
        Path log = Path.of("target/e2e/logs/dossier-service-short-key.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar",
                Path.of("").toAbsolutePath().getParent().resolve("dossier-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(stack.environment("dossier-service"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(Ports.freePort()));
        env.put("DVC_DOSSIER_APPLICANT_HASH_KEY", "only-twenty-bytes-xx");
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("dossier-service stops by itself").isTrue();
            assertThat(process.exitValue()).as("its exit status").isNotZero();
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("dvc.dossier.applicant-hash-key")
                    .contains("at least 32 bytes").doesNotContain("only-twenty-bytes-xx");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void theProductionConfigurationRefusesATokenOfTheQuickStartsIssuer() throws Exception {
        ProcessStack stack = SharedStack.get();
        Path log = Path.of("target/e2e/logs/dossier-service-production-issuer.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        int port = Ports.freePort();
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar",
                Path.of("").toAbsolutePath().getParent().resolve("dossier-service/target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(stack.environment("dossier-service"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // The production issuer (application.properties), the same key: only the issuer differs from the stack's.
        env.remove("MP_JWT_VERIFY_ISSUER");
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            URI units = URI.create("http://localhost:" + port + "/api/v1/units");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(units).header("Authorization", "Bearer " + stack.readerToken)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as("a quick-start token against the production configuration").isEqualTo(401);
            // The same token where the stack's issuer is configured: accepted (so it is the issuer that refused it).
            HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(stack.url("dossier-service") + "/api/v1/units"))
                    .header("Authorization", "Bearer " + stack.readerToken).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }
}
