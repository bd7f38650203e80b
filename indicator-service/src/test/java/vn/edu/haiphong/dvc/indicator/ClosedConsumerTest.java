package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import vn.edu.haiphong.dvc.contract.Applicant;
import vn.edu.haiphong.dvc.contract.ApplicantKind;
import vn.edu.haiphong.dvc.contract.Channel;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.DossierEventType;
import vn.edu.haiphong.dvc.indicator.service.FactUpdater;
import vn.edu.haiphong.dvc.testing.TestTokens;

/**
 * A consumer that has closed for good is never hidden behind answers that look fresh: readiness and liveness go
 * DOWN, the metric says 0, and the dashboard's status says the numbers stand still. The consumer is closed the one
 * way it still can be (an error of the JVM itself while applying a batch), in an application of its own (its own
 * consumer group), so that the other tests' consumer is untouched.
 */
@QuarkusTest
@TestProfile(ClosedConsumerTest.OwnGroup.class)
class ClosedConsumerTest {

    public static class OwnGroup implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.events.group.id", "indicator-closed-consumer-test", "dvc.indicator.consumer.check-every", "1s");
        }
    }

    @BeforeEach
    void aJvmErrorWhileApplying() {
        QuarkusMock.installMockForType(new FactUpdater(null, null) {
            @Override
            public int apply(List<Received> batch) {
                throw new OutOfMemoryError("simulated: the JVM ran out of memory");
            }
        }, FactUpdater.class);
    }

    @Test
    void aClosedConsumerTakesTheInstanceOutOfServiceAndSaysSo() {
        given().get("/q/health/ready").then().statusCode(200);

        // The other tests' application reads the same topics and counts this event too, but their record of what was
        // sent is not this one (another application, another class loader): a day in 2001, which none of them reads.
        Published.sendRaw(List.of(Published.of(new DossierEvent("closed-1", DossierEventType.SUBMITTED,
                OffsetDateTime.of(2001, 8, 1, 9, 0, 0, 0, ZoneOffset.ofHours(7)), "CLOSED-HS-1", "CLOSED-P", "CLOSED-U", Channel.ONLINE,
                false, new Applicant(ApplicantKind.ORGANIZATION, "c".repeat(64), null, null), null, null, null))));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'Counting events' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Counting events' }.data.state", equalTo("CLOSED"))
                .body("checks.find { it.name == 'Counting events' }.data.detail", containsString("OutOfMemoryError")));
        given().get("/q/health/live").then().statusCode(503).body("checks.name", hasItem("Event consumer"))
                .body("checks.find { it.name == 'Event consumer' }.status", equalTo("DOWN"));
        given().auth().oauth2(TestTokens.reader()).get("/api/v1/dashboard/status").then().statusCode(200)
                .body("counting", equalTo(false)).body("consumer.state", equalTo("CLOSED"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("dvc_indicator_consumer_up 0.0"));
    }
}
