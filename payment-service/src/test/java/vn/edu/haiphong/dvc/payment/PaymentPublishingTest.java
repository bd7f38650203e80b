package vn.edu.haiphong.dvc.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static vn.edu.haiphong.dvc.payment.Fixtures.post;
import static vn.edu.haiphong.dvc.payment.Fixtures.unique;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.Broker;
import vn.edu.haiphong.dvc.testing.Delivery;
import vn.edu.haiphong.dvc.testing.TopicReader;

/** What consumers see on the real broker: every accepted payment event once, keyed by dossier; nothing lost while Kafka is down. */
@QuarkusTest
class PaymentPublishingTest {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    @Test
    void publishesEachAcceptedEventOnceKeyedByDossierWithCloudEventsHeaders() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        String dossier = unique("HS");
        String tx = unique("TX");
        Map<String, Object> paid = scope.paid(tx, dossier, 75_000, "NATIONAL_PORTAL");
        Map<String, Object> refunded = scope.refunded(tx, dossier);
        post(List.of(paid, refunded)).statusCode(202);
        post(paid).statusCode(202).body("duplicates", equalTo(1));

        List<TopicReader.Message> messages = Delivery.onTopic(Topics.PAYMENT_EVENTS,
                Set.of((String) paid.get("eventId"), (String) refunded.get("eventId")), Duration.ofSeconds(30));
        assertThat(messages).hasSize(2);
        TopicReader.Message payment = messages.stream().filter(m -> m.headers().get("ce_id").equals(paid.get("eventId"))).findFirst().orElseThrow();
        assertThat(payment.key()).isEqualTo(dossier);
        assertThat(payment.headers()).containsEntry("ce_type", "vn.edu.haiphong.dvc.payment.PAID")
                .containsEntry("ce_source", "/dvc/payment-service")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("content-type", "application/json");
        JsonNode value = mapper.readTree(payment.value());
        assertThat(value.get("amount").isIntegralNumber()).isTrue();
        assertThat(value.get("amount").longValue()).isEqualTo(75_000L);
        assertThat(value.get("method").asText()).isEqualTo("NATIONAL_PORTAL");
        assertThat(value.get("transactionId").asText()).isEqualTo(tx);
    }

    @Test
    void whileKafkaIsDownPaymentsAreAcceptedAndDeliveredOnceWhenItReturns() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        List<String> ids = new ArrayList<>();
        Broker.stop();
        try {
            for (int round = 0; round < 3; round++) {
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    Map<String, Object> event = scope.paid(unique("TX"), unique("HS"), 10_000 + i, "NATIONAL_PORTAL");
                    batch.add(event);
                    ids.add((String) event.get("eventId"));
                }
                post(batch).statusCode(202).body("accepted", equalTo(40));
            }
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> Delivery.unsent(dataSource, ids) == ids.size());
        } finally {
            Broker.restart();
        }
        Map<String, Long> copies = Delivery.copies(Delivery.onTopic(Topics.PAYMENT_EVENTS, Set.copyOf(ids), Duration.ofSeconds(90)));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(copies.values()).allMatch(n -> n == 1);
    }
}
