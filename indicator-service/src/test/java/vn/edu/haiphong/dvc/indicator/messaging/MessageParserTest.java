package vn.edu.haiphong.dvc.indicator.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;

/** Reading a record's bytes: what can be counted is read, anything else is refused with a reason, never thrown past. */
class MessageParserTest {

    private final MessageParser parser = new MessageParser(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    private static final String SUBMITTED = """
            {"eventId":"e-1","type":"SUBMITTED","occurredAt":"2024-03-01T08:00:00+07:00","dossierCode":"HS-1","procedureCode":"P",
             "unitCode":"U","channel":"ONLINE","fullyOnline":true,"applicant":{"kind":"CITIZEN","idHash":"%s","adult":true,"vneid":true}}""";

    private String reason(String topic, byte[] value) {
        try {
            parser.parse(topic, value);
        } catch (MessageParser.Unprocessable e) {
            return e.getMessage();
        }
        throw new AssertionError("read as valid: " + new String(value, StandardCharsets.UTF_8));
    }

    private String reason(String topic, String value) {
        return reason(topic, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidEventIsRead() throws Exception {
        Object message = parser.parse(Topics.DOSSIER_EVENTS, SUBMITTED.formatted("a".repeat(64)).getBytes(StandardCharsets.UTF_8)).message();
        assertThat(message).isInstanceOf(DossierEvent.class);
        assertThat(((DossierEvent) message).dossierCode()).isEqualTo("HS-1");
        UnitRecord unit = (UnitRecord) parser.parse(Topics.UNITS, "{\"code\":\"T\",\"name\":\"Trường Tiểu học Lê Lợi\",\"type\":\"SCHOOL\"}"
                .getBytes(StandardCharsets.UTF_8)).message();
        assertThat(unit.name()).isEqualTo("Trường Tiểu học Lê Lợi");
    }

    @Test
    void everyShapeOfPoisonIsRefusedWithItsReason() {
        for (String topic : new String[] {Topics.DOSSIER_EVENTS, Topics.PAYMENT_EVENTS, Topics.UNITS, Topics.PROCEDURES}) {
            assertThat(reason(topic, "null")).isEqualTo("the JSON value null, not an object");
            assertThat(reason(topic, "[]")).startsWith("unreadable");
            assertThat(reason(topic, "\"x\"")).startsWith("unreadable");
            assertThat(reason(topic, "42")).startsWith("unreadable");
            assertThat(reason(topic, "")).startsWith("unreadable");
            assertThat(reason(topic, "{\"eventId\":{},\"code\":[]}")).startsWith("unreadable");
            assertThat(reason(topic, "[".repeat(3000) + "]".repeat(3000))).startsWith("unreadable");
            assertThat(reason(topic, new byte[] {'"', (byte) 0xFF, '"'})).isEqualTo("not valid UTF-8");
            assertThat(reason(topic, (byte[]) null)).startsWith("no value");
        }
        assertThatThrownBy(() -> parser.parse("other.topic", "{}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a topic of ours");
    }

    @Test
    void valuesTheFactsCannotHoldAreRefusedNamingTheField() {
        assertThat(reason(Topics.DOSSIER_EVENTS, SUBMITTED.formatted("a".repeat(65)))).contains("applicant.idHash");
        assertThat(reason(Topics.DOSSIER_EVENTS, SUBMITTED.formatted("a").replace("\"HS-1\"", "\"" + "H".repeat(65) + "\"")))
                .contains("dossierCode");
        assertThat(reason(Topics.DOSSIER_EVENTS, SUBMITTED.formatted("a").replace("2024-03-01", "+12024-03-01"))).contains("occurredAt");
        assertThat(reason(Topics.DOSSIER_EVENTS, """
                {"eventId":"r","type":"RATED","occurredAt":"2024-03-01T08:00:00+07:00","dossierCode":"HS","procedureCode":"P",
                 "unitCode":"U","rating":70000}""")).contains("rating");
        assertThat(reason(Topics.UNITS, "{\"code\":\"U\",\"name\":\"x\",\"type\":\"SCHOOL\",\"parentCode\":\"U\"}")).contains("own parent");
        assertThat(reason(Topics.UNITS, "{\"code\":\"U\",\"name\":\"" + "n".repeat(501) + "\",\"type\":\"SCHOOL\"}")).contains("name");
        assertThat(reason(Topics.UNITS, "{\"code\":\"U\",\"name\":\"a\\u0000b\",\"type\":\"SCHOOL\"}")).contains("NUL");
        assertThat(reason(Topics.PAYMENT_EVENTS, """
                {"eventId":"p","type":"PAID","transactionId":"T","occurredAt":"2024-03-01T08:00:00+07:00","dossierCode":"HS",
                 "procedureCode":"P","unitCode":"U","method":"CASH","amount":-5}""")).contains("amount");
        assertThat(reason(Topics.PAYMENT_EVENTS, "{\"eventId\":\"p\",\"type\":\"PAID\"}")).contains("transactionId");
    }
}
