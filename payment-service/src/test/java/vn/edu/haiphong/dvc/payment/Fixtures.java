package vn.edu.haiphong.dvc.payment;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.Broker;
import vn.edu.haiphong.dvc.testing.TestTokens;

/** Reference data as dossier-service publishes it, and requests as the payment platform sends them. */
final class Fixtures {

    static final ZoneOffset VN = ZoneOffset.ofHours(7);

    private Fixtures() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String time(OffsetDateTime t) {
        return t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** Publishes a unit or procedure on its compacted topic, exactly as dossier-service's relay does. */
    static void publish(String topic, String code, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, code, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void publishUnit(String code, String parentCode) {
        publish(Topics.UNITS, code, "{\"code\":\"" + code + "\",\"name\":\"Trường " + code + "\",\"type\":\""
                + (parentCode == null ? "DEPARTMENT" : "SCHOOL") + "\",\"parentCode\":"
                + (parentCode == null ? "null" : "\"" + parentCode + "\"") + ",\"adultPopulation\":null}");
    }

    static void publishProcedure(String code) {
        publish(Topics.PROCEDURES, code, "{\"code\":\"" + code + "\",\"name\":\"Cấp bản sao văn bằng\",\"field\":\"Văn bằng\","
                + "\"eligibleFullyOnline\":true,\"providedFullyOnline\":true,\"integratedNationalPortal\":true,\"feeBearing\":true}");
    }

    /** Waits until the service's local copy holds the code, fed from the topic. */
    static void awaitCopied(DataSource dataSource, String table, String code) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(dataSource, "select count(*) from " + table + " where code = ?", code) == 1);
    }

    static long count(DataSource dataSource, String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A unit and a fee-bearing procedure, registered and copied: payments can be filed against them. */
    record Scope(String unit, String procedure) {

        static Scope create(DataSource dataSource) {
            return create(dataSource, null);
        }

        static Scope create(DataSource dataSource, String parentUnit) {
            Scope scope = new Scope(unique("U"), unique("P"));
            publishUnit(scope.unit, parentUnit);
            publishProcedure(scope.procedure);
            awaitCopied(dataSource, "unit_copy", scope.unit);
            awaitCopied(dataSource, "procedure_copy", scope.procedure);
            return scope;
        }

        Map<String, Object> paid(String transactionId, String dossierCode, long amount, String method) {
            Map<String, Object> e = event("PAID", transactionId, dossierCode);
            e.put("amount", amount);
            e.put("method", method);
            return e;
        }

        Map<String, Object> refunded(String transactionId, String dossierCode) {
            Map<String, Object> e = event("REFUNDED", transactionId, dossierCode);
            e.put("occurredAt", time(OffsetDateTime.of(2024, 3, 6, 10, 0, 0, 0, VN)));
            return e;
        }

        Map<String, Object> event(String type, String transactionId, String dossierCode) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("eventId", unique("pay"));
            e.put("type", type);
            e.put("transactionId", transactionId);
            e.put("occurredAt", time(OffsetDateTime.of(2024, 3, 4, 8, 20, 0, 0, VN)));
            e.put("dossierCode", dossierCode);
            e.put("procedureCode", procedure);
            e.put("unitCode", unit);
            return e;
        }
    }

    static ValidatableResponse post(Object body) {
        return given().auth().oauth2(TestTokens.ingest()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/payment-events").then();
    }

    static io.restassured.specification.RequestSpecification asReader() {
        return given().auth().oauth2(TestTokens.reader());
    }
}
