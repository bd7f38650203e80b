package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A one-node Kafka cluster (KRaft, the node is both broker and controller) running inside this JVM,
 * built from Apache Kafka's own server classes.
 *
 * <p>{@link #stop()} keeps the ports and the data directory so that {@link #restart()} brings the same
 * broker back with its topics and messages; clients configured with {@link #bootstrapServers()}
 * reconnect by themselves. {@link #close()} stops the broker and deletes the data directory when it
 * was a temporary one.
 *
 * <p>Not meant for production: one replica, no security, fsync left to the operating system.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private static final String HOST = "localhost";
    private static final int NODE_ID = 1;

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final Map<String, String> config;

    private KafkaRaftServer server;
    private boolean closed;

    private KafkaBroker(int port, int controllerPort, Path dataDir, boolean temporaryDataDir,
            Map<String, String> config) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
        this.config = config;
    }

    /**
     * Starts a broker.
     *
     * @param port the client port, 0 to pick a free one
     * @param dataDir where topics live; {@code null} for a temporary directory deleted by {@link #close()}
     */
    public static KafkaBroker start(int port, Path dataDir) {
        return start(port, dataDir, Map.of());
    }

    /**
     * Starts a broker with extra broker settings, e.g. {@code num.partitions}, which win over the defaults.
     * Listener, node and directory settings are owned by this class and cannot be overridden.
     */
    public static KafkaBroker start(int port, Path dataDir, Map<String, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        int clientPort = port == 0 ? Ports.freePort() : port;
        // The controller port is part of the quorum voter address, so it is chosen once and kept for restarts.
        int controllerPort = Ports.freePortOtherThan(clientPort);
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("dvc-kafka-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory", e);
        }
        KafkaBroker broker = new KafkaBroker(clientPort, controllerPort, dir.toAbsolutePath(), temporary,
                brokerConfig(clientPort, controllerPort, dir.toAbsolutePath(), overrides));
        try {
            broker.format();
            broker.startServer();
        } catch (RuntimeException e) {
            broker.deleteTemporaryDataDir();
            throw e;
        }
        return broker;
    }

    private static Map<String, String> brokerConfig(int port, int controllerPort, Path dir,
            Map<String, String> overrides) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("auto.create.topics.enable", "true");
        c.put("num.partitions", "3");
        c.put("default.replication.factor", "1");
        c.put("min.insync.replicas", "1");
        c.put("offsets.topic.replication.factor", "1");
        // Fewer internal partitions than the production 50 make the first consumer group join much quicker.
        c.put("offsets.topic.num.partitions", "5");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("transaction.state.log.num.partitions", "5");
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        c.putAll(overrides);
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(NODE_ID));
        c.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        c.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("log.dirs", dir.toString());
        c.put("metadata.log.dir", dir.toString());
        return Map.copyOf(c);
    }

    /** The address clients use, e.g. {@code localhost:9092}; unchanged across restarts. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Shuts the broker down cleanly; ports and data are kept for {@link #restart()}. Does nothing when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer s = server;
        server = null;
        s.shutdown();
        s.awaitShutdown();
    }

    /** Starts the broker again on the same ports with the same data, stopping it first if it runs. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("the broker is closed");
        }
        stop();
        startServer();
    }

    /** Stops the broker and deletes its data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stop();
        } finally {
            deleteTemporaryDataDir();
        }
    }

    private void format() {
        // A directory from an earlier run keeps its cluster id; formatting it again, even with
        // ignoreFormatted, fails because the new random cluster id does not match.
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        KafkaStorage.format(dataDir, NODE_ID, Uuid.randomUuid().toString());
    }

    private void startServer() {
        // Checked up front because Kafka reports a taken port only after starting half of the node.
        Ports.requireFree(port, "the Kafka broker");
        Ports.requireFree(controllerPort, "the Kafka controller");
        QuietLogging.quiet(QuietLogging.KAFKA);
        long started = System.nanoTime();
        KafkaRaftServer s = new KafkaRaftServer(new KafkaConfig(config), Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            try {
                s.shutdown();
                s.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("the Kafka broker did not start on " + bootstrapServers()
                    + " (controller port " + controllerPort + ")", e);
        }
        server = s;
        Ports.awaitListening(port, Duration.ofSeconds(30));
        LOG.info("Kafka broker ready on {} in {} ms, data in {}", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), dataDir);
    }

    private void deleteTemporaryDataDir() {
        if (temporaryDataDir) {
            Directories.deleteRecursively(dataDir);
        }
    }
}
