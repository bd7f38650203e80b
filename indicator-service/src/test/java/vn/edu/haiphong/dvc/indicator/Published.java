package vn.edu.haiphong.dvc.indicator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.OutreachEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.contract.ProcedureRecord;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.testing.Broker;
import vn.edu.haiphong.dvc.testing.data.Ledger;

/**
 * Everything the tests of this module publish, exactly as the ingest services' relays publish it (JSON,
 * keyed, CloudEvents headers), remembered so that the expected indicators can be computed independently.
 * The tests of the module share one application and one database, so this record spans them all.
 */
final class Published {

    /** Everything published by this module's tests, for the expected indicators. */
    static final Ledger LEDGER = new Ledger();

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Published() {
    }

    /** One message as a relay would send it. */
    record Message(String topic, String key, String value, String id, String type) {
    }

    static Message of(Object message) {
        try {
            String json = JSON.writeValueAsString(message);
            if (message instanceof DossierEvent e) {
                return new Message(Topics.DOSSIER_EVENTS, e.dossierCode(), json, e.eventId(), "vn.edu.haiphong.dvc.dossier." + e.type());
            } else if (message instanceof PaymentEvent e) {
                return new Message(Topics.PAYMENT_EVENTS, e.dossierCode(), json, e.eventId(), "vn.edu.haiphong.dvc.payment." + e.type());
            } else if (message instanceof OutreachEvent e) {
                return new Message(Topics.OUTREACH_EVENTS, e.unitCode(), json, e.eventId(), "vn.edu.haiphong.dvc.outreach." + e.type());
            } else if (message instanceof UnitRecord u) {
                return new Message(Topics.UNITS, u.code(), json, "unit-" + u.code(), "vn.edu.haiphong.dvc.unit.UPSERTED");
            } else if (message instanceof ProcedureRecord p) {
                return new Message(Topics.PROCEDURES, p.code(), json, "procedure-" + p.code(), "vn.edu.haiphong.dvc.procedure.UPSERTED");
            }
            throw new IllegalArgumentException(message.getClass().getName());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the messages in the given order, and remembers them. */
    static synchronized void send(List<?> messages) {
        List<Message> out = new ArrayList<>();
        for (Object message : messages) {
            LEDGER.remember(message);
            out.add(of(message));
        }
        sendRaw(out);
    }

    static void sendRaw(List<Message> messages) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (Message m : messages) {
                ProducerRecord<String, String> record = new ProducerRecord<>(m.topic(), m.key(), m.value());
                record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(m.id())).add("ce_type", bytes(m.type()))
                        .add("ce_source", bytes("/test")).add("content-type", bytes("application/json"));
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** Sends raw bytes as values, whatever they are (the poison tests). */
    static void sendBytes(String topic, Map<String, byte[]> valuesByKey) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers());
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            valuesByKey.forEach((key, value) -> producer.send(new ProducerRecord<>(topic, key, value)));
            producer.flush();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
