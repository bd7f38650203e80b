package vn.edu.haiphong.dvc.ingest.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dvc.outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of the messages this service publishes, e.g. {@code /dvc/dossier-service}. */
    String source();

    /** How often the relay looks for unsent messages when it has caught up. */
    @WithDefault("200ms")
    Duration pollInterval();

    /** Messages read, sent and marked per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long sent messages stay in the outbox table (for audit) before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    /** Replication factor of the topics this service creates. */
    @WithDefault("1")
    short replicationFactor();

    /**
     * How old the oldest unrelayed message may get before readiness says the outbox is stale. The relay
     * sends within a second, and a broker failover or a producer's delivery timeout (45 s) takes under a
     * minute; 5 minutes means Kafka has been out of reach for real, well before the dashboard's 15-minute
     * warning that no event came.
     */
    @WithDefault("5m")
    Duration staleAfter();
}
