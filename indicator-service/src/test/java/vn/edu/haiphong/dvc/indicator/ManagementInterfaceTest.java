package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * r2 (issue 15): the production build (root pom, profile {@code production}) serves health, metrics and the API
 * documents on the management port only, not beside the public API.
 */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.Production.class)
class ManagementInterfaceTest {

    private static final String SETTING = "<quarkus.management.enabled>true</quarkus.management.enabled>";

    /** What the production profile sets, on a free port of this machine. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return Map.of("quarkus.management.enabled", "true", "quarkus.management.test-port",
                        Integer.toString(socket.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @ConfigProperty(name = "quarkus.management.test-port")
    int managementPort;

    @Test
    void theProductionBuildServesHealthMetricsAndTheDocumentsOnTheManagementPortOnly() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"), StandardCharsets.UTF_8);
        String production = pom.substring(pom.indexOf("<id>production</id>"));
        assertThat(production.substring(0, production.indexOf("</profile>"))).as("the production profile's setting").contains(SETTING);

        for (String path : new String[] { "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/" }) {
            given().get(path).then().statusCode(404);
        }
        String management = "http://localhost:" + managementPort;
        given().get(management + "/q/health/live").then().statusCode(200).body(containsString("UP"));
        given().get(management + "/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        given().get(management + "/q/openapi").then().statusCode(200).body(containsString("/api/v1/indicators"));
        given().get(management + "/q/swagger-ui/").then().statusCode(200);
        // The API itself stays where it was, and still asks for a token.
        given().get("/api/v1/indicators").then().statusCode(401);
    }
}
