package vn.edu.haiphong.dvc.dossier.messaging;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.dossier.config.DossierConfig;
import vn.edu.haiphong.dvc.ingest.outbox.OwnedTopics;

/**
 * The topics this service publishes: the dossier events, partitioned for consumers to scale out, and the
 * reference data, compacted so that the latest message per code is the current state.
 */
@ApplicationScoped
public class DossierTopics implements OwnedTopics {

    private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    /** The event log is what the indicators are rebuilt from: it is kept for ever, not a week. */
    public static final Map<String, String> KEPT = Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1");

    private final DossierConfig config;

    public DossierTopics(DossierConfig config) {
        this.config = config;
    }

    @Override
    public List<NewTopic> topics(short replicationFactor) {
        return List.of(
                new NewTopic(Topics.DOSSIER_EVENTS, config.eventPartitions(), replicationFactor).configs(KEPT),
                // r2: broadcasts and sessions, keyed by unit: few, kept for ever like the dossier events.
                new NewTopic(Topics.OUTREACH_EVENTS, 3, replicationFactor).configs(KEPT),
                new NewTopic(Topics.UNITS, 1, replicationFactor).configs(COMPACTED),
                new NewTopic(Topics.PROCEDURES, 1, replicationFactor).configs(COMPACTED));
    }
}
