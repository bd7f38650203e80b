package vn.edu.haiphong.dvc.payment.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.ingest.outbox.OwnedTopics;
import vn.edu.haiphong.dvc.payment.config.PaymentConfig;

/** The payment events topic, partitioned (by dossier code) for consumers to scale out. */
@ApplicationScoped
public class PaymentTopics implements OwnedTopics {

    private final PaymentConfig config;

    public PaymentTopics(PaymentConfig config) {
        this.config = config;
    }

    @Override
    public List<NewTopic> topics(short replicationFactor) {
        // The event log is what the indicators are rebuilt from: it is kept for ever, not a week.
        return List.of(new NewTopic(Topics.PAYMENT_EVENTS, config.eventPartitions(), replicationFactor)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
    }
}
