package vn.edu.haiphong.dvc.payment.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.NewTopic;

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
        return List.of(new NewTopic(Topics.PAYMENT_EVENTS, config.eventPartitions(), replicationFactor));
    }
}
