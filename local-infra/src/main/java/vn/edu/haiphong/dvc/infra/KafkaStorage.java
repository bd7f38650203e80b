package vn.edu.haiphong.dvc.infra;

import java.nio.file.Path;

import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/** Formats a KRaft node's directory, as {@code kafka-storage format} does; shared by the one-node broker and the cluster. */
final class KafkaStorage {

    private KafkaStorage() {
    }

    /** The one directory holds both the partitions and the metadata log. */
    static void format(Path dir, int nodeId, String clusterId) {
        try {
            new Formatter()
                    .setPrintStream(NullPrintStream.INSTANCE)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir.toString())
                    .addDirectory(dir.toString())
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka data directory " + dir, e);
        }
    }
}
