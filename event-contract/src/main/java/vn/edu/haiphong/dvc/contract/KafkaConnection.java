package vn.edu.haiphong.dvc.contract;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How a service's own Kafka clients (the outbox relay, the dead-letter producers, the admin clients that create topics
 * and read offsets) reach the cluster: the same address and credentials as the messaging connector's, taken from the
 * service's {@code kafka.*} configuration (Quarkus' {@code default-kafka-broker} map, the prefix left out). With SASL
 * in production: {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}, {@code KAFKA_SASL_MECHANISM=SCRAM-SHA-512},
 * {@code KAFKA_SASL_JAAS_CONFIG=...} and, for TLS, {@code KAFKA_SSL_TRUSTSTORE_*}.
 */
public final class KafkaConnection {

    private KafkaConnection() {
    }

    /** The connection's settings out of a service's {@code kafka.*} configuration; nothing else applies to every client. */
    public static Map<String, Object> of(Map<String, Object> kafkaConfig) {
        Map<String, Object> settings = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                settings.put(key, value);
            }
        });
        if (!settings.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("kafka.bootstrap.servers is not set");
        }
        return settings;
    }

    /** The same, as the {@link Properties} a client takes, for more settings to be added. */
    public static Properties properties(Map<String, Object> kafkaConfig) {
        Properties properties = new Properties();
        properties.putAll(of(kafkaConfig));
        return properties;
    }
}
