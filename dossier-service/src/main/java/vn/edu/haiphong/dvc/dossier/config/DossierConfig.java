package vn.edu.haiphong.dvc.dossier.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "dvc")
public interface DossierConfig {

    /**
     * Secret key of the HMAC-SHA-256 that replaces an applicant's id before anything is stored or
     * published. No default outside dev and test: the service refuses to start without one.
     */
    @WithName("applicant-hash-key")
    String applicantHashKey();

    /** CloudEvents {@code source} of the messages this service publishes. */
    String source();

    Outbox outbox();

    Kafka kafka();

    interface Outbox {
        /** How often the relay looks for unsent messages when it has caught up. */
        Duration pollInterval();

        /** Messages read, sent and marked per relay transaction. */
        int batchSize();

        /** How long sent messages stay in the outbox table (for audit) before they are purged. */
        Duration retention();
    }

    interface Kafka {
        /** Partitions of the event topic when this service creates it; the unit of consumer scale-out. */
        int eventPartitions();

        short replicationFactor();
    }
}
