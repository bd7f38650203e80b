package vn.edu.haiphong.dvc.ingest.outbox;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics a service publishes to, as it wants them created: each service provides one bean. The relay
 * creates them before its first message, because a broker's auto-creation would get partitions and
 * compaction wrong.
 */
public interface OwnedTopics {

    List<NewTopic> topics(short replicationFactor);
}
