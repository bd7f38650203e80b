package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
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
 * <p>{@link #startWithScram} adds a listener that authenticates clients with SASL SCRAM-SHA-512 and authorizes them by
 * ACLs, as production's cluster does: the services' end-to-end test runs against it.
 *
 * <p>Not meant for production: one replica, fsync left to the operating system, and the plain listener open.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    private static final String HOST = "localhost";
    private static final int NODE_ID = 1;

    private final int port;
    private final int controllerPort;
    /** The SASL listener's port; -1 when there is none. */
    private final int saslPort;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final Map<String, String> config;

    private KafkaRaftServer server;
    private boolean closed;

    private KafkaBroker(int port, int controllerPort, int saslPort, Path dataDir, boolean temporaryDataDir,
            Map<String, String> config) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
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
        return start(port, dataDir, overrides, false);
    }

    /**
     * Starts a broker that also listens on {@link #saslBootstrapServers()} with {@code SASL_PLAINTEXT} and
     * SCRAM-SHA-512, and authorizes every client by ACLs (Kafka's {@code StandardAuthorizer}, nothing allowed without
     * one). The plain listener ({@link #bootstrapServers()}) stays for the node itself and for the caller, whose
     * anonymous principal is the super user: create users with {@link #addScramUser} and ACLs with an
     * {@code Admin} client there.
     */
    public static KafkaBroker startWithScram(Path dataDir) {
        return start(0, dataDir, Map.of(), true);
    }

    private static KafkaBroker start(int port, Path dataDir, Map<String, String> overrides, boolean scram) {
        Objects.requireNonNull(overrides, "overrides");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        int clientPort = port == 0 ? Ports.freePort() : port;
        // The controller port is part of the quorum voter address, so it is chosen once and kept for restarts.
        int controllerPort = Ports.freePortOtherThan(clientPort);
        int saslPort = scram ? freePortOtherThan(clientPort, controllerPort) : -1;
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("dvc-kafka-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory", e);
        }
        KafkaBroker broker = new KafkaBroker(clientPort, controllerPort, saslPort, dir.toAbsolutePath(), temporary,
                brokerConfig(clientPort, controllerPort, saslPort, dir.toAbsolutePath(), overrides));
        try {
            broker.format();
            broker.startServer();
        } catch (RuntimeException e) {
            broker.deleteTemporaryDataDir();
            throw e;
        }
        return broker;
    }

    private static int freePortOtherThan(int a, int b) {
        while (true) {
            int candidate = Ports.freePortOtherThan(a);
            if (candidate != b) {
                return candidate;
            }
        }
    }

    private static Map<String, String> brokerConfig(int port, int controllerPort, int saslPort, Path dir,
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
        if (saslPort > 0) {
            c.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",SASL_PLAINTEXT://" + HOST + ":" + saslPort
                    + ",CONTROLLER://" + HOST + ":" + controllerPort);
            c.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port + ",SASL_PLAINTEXT://" + HOST + ":" + saslPort);
            c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            c.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
            c.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            c.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The node itself and the caller's administration, over the plain listener and the controller's.
            c.put("super.users", "User:ANONYMOUS");
            c.put("allow.everyone.if.no.acl.found", "false");
        }
        c.put("log.dirs", dir.toString());
        c.put("metadata.log.dir", dir.toString());
        return Map.copyOf(c);
    }

    /** The address clients use, e.g. {@code localhost:9092}; unchanged across restarts. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The SASL listener's address ({@code SASL_PLAINTEXT}, SCRAM-SHA-512), for a broker from {@link #startWithScram}. */
    public String saslBootstrapServers() {
        if (saslPort < 0) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return HOST + ":" + saslPort;
    }

    /** Gives a user a SCRAM-SHA-512 password (through the plain listener, as its super user). */
    public void addScramUser(String user, String password) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot give " + user + " a SCRAM password", e);
        }
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
        if (saslPort > 0) {
            Ports.requireFree(saslPort, "the Kafka SASL listener");
        }
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
