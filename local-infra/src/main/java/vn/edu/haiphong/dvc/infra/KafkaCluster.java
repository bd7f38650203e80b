package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A three-node Kafka cluster inside this JVM, shaped as production runs it ({@code deploy/base/kafka.yaml}):
 * KRaft, every node both broker and controller, a metadata quorum of the three, every topic on three
 * replicas of which two must acknowledge a write.
 *
 * <p>Why three combined nodes rather than three brokers beside a dedicated controller: it is production's
 * topology (a Strimzi node pool of three dual-role nodes), so a test sees what production would. With one
 * node down the quorum (two of three) and every partition (two in-sync replicas) go on. With two down
 * the quorum is lost as well: no leader can move and no write reaches two replicas, which is production's
 * worst case and the one the outbox must cover. A dedicated controller would keep the metadata alive
 * through it and so test a cluster nobody runs.
 *
 * <p>{@link #stop(int)} takes one node away as abruptly as a node inside this JVM can go, and
 * {@link #start(int...)} brings it back on the same ports with the same data. Clients given
 * {@link #bootstrapServers()} (all three addresses) find whichever nodes run.
 *
 * <p>Not meant for production: no security, the three replicas share one disk.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);

    public static final int SIZE = 3;
    private static final String HOST = "localhost";
    /** Written by a broker's clean shutdown ({@code CleanShutdownFileHandler}); without it the next start recovers the logs. */
    private static final String CLEAN_SHUTDOWN_FILE = ".kafka_cleanshutdown";

    private record Node(int id, int port, int controllerPort, Path dir, Map<String, String> config) {
    }

    private final Map<Integer, Node> nodes;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final Map<Integer, KafkaRaftServer> running = new LinkedHashMap<>();
    private boolean closed;

    private KafkaCluster(Map<Integer, Node> nodes, Path dataDir, boolean temporaryDataDir) {
        this.nodes = nodes;
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
    }

    /**
     * Formats and starts the three nodes, on free ports.
     *
     * @param dataDir one folder per node goes there ({@code node-1}, ...); {@code null} for a temporary
     *        directory deleted by {@link #close()}
     * @param overrides broker settings that win over the defaults; listener, node, quorum, directory and
     *        shutdown settings are owned by this class
     */
    public static KafkaCluster start(Path dataDir, Map<String, String> overrides) {
        Objects.requireNonNull(overrides, "overrides");
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = (temporary ? Files.createTempDirectory("dvc-kafka-cluster-") : Files.createDirectories(dataDir)).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory", e);
        }
        List<Integer> ports = distinctFreePorts(2 * SIZE);
        // The controller ports are the quorum's voter addresses: chosen once, kept for every restart.
        String voters = IntStream.rangeClosed(1, SIZE)
                .mapToObj(id -> id + "@" + HOST + ":" + ports.get(SIZE + id - 1)).collect(Collectors.joining(","));
        Map<Integer, Node> nodes = new LinkedHashMap<>();
        for (int id = 1; id <= SIZE; id++) {
            int port = ports.get(id - 1);
            int controllerPort = ports.get(SIZE + id - 1);
            Path nodeDir = dir.resolve("node-" + id);
            nodes.put(id, new Node(id, port, controllerPort, nodeDir, nodeConfig(id, port, controllerPort, voters, nodeDir, overrides)));
        }
        KafkaCluster cluster = new KafkaCluster(Map.copyOf(nodes), dir, temporary);
        try {
            cluster.format();
            cluster.start(cluster.nodeIds().stream().mapToInt(Integer::intValue).toArray());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    private static Map<String, String> nodeConfig(int id, int port, int controllerPort, String voters, Path dir,
            Map<String, String> overrides) {
        Map<String, String> c = new LinkedHashMap<>();
        // As in production: topics are created by the services that own them, with their partitions and compaction.
        c.put("auto.create.topics.enable", "false");
        c.put("num.partitions", "3");
        c.put("default.replication.factor", "3");
        c.put("min.insync.replicas", "2");
        c.put("offsets.topic.replication.factor", "3");
        // Fewer internal partitions than the production 50 make the first consumer group join much quicker.
        c.put("offsets.topic.num.partitions", "5");
        c.put("transaction.state.log.replication.factor", "3");
        c.put("transaction.state.log.min.isr", "2");
        c.put("transaction.state.log.num.partitions", "5");
        c.put("share.coordinator.state.topic.replication.factor", "3");
        c.put("share.coordinator.state.topic.min.isr", "2");
        // Kafka's default, stated because the tests rely on it: a replica that was out of sync never becomes leader.
        c.put("unclean.leader.election.enable", "false");
        c.put("group.initial.rebalance.delay.ms", "0");
        c.putAll(overrides);
        c.put("process.roles", "broker,controller");
        c.put("node.id", Integer.toString(id));
        c.put("controller.quorum.voters", voters);
        c.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("log.dirs", dir.toString());
        c.put("metadata.log.dir", dir.toString());
        // A stopped node does not ask the controller to move its leaderships first: see stop().
        c.put("controlled.shutdown.enable", "false");
        return Map.copyOf(c);
    }

    /** The three client addresses, e.g. {@code localhost:9092,localhost:9093,localhost:9094}; unchanged across restarts. */
    public String bootstrapServers() {
        return nodes.values().stream().map(n -> HOST + ":" + n.port()).collect(Collectors.joining(","));
    }

    public List<Integer> nodeIds() {
        return List.copyOf(new TreeSet<>(nodes.keySet()));
    }

    public int port(int nodeId) {
        return node(nodeId).port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning(int nodeId) {
        node(nodeId);
        return running.containsKey(nodeId);
    }

    public synchronized Set<Integer> runningNodes() {
        return Set.copyOf(running.keySet());
    }

    /**
     * Takes a node away as abruptly as a node in this JVM can go. Does nothing when it is stopped.
     *
     * <p>What is simulated: the node does not hand anything over. Controlled shutdown is off, so the
     * controller is not asked to move the node's partition leaderships elsewhere; they stay on the dead node
     * until the controller misses its heartbeats ({@code broker.session.timeout.ms}, 9 s) and fences it,
     * and meanwhile producers and consumers hit a closed port and retry, as after a SIGKILL. The
     * clean-shutdown marker is removed, so the next start recovers its logs as after a crash.
     *
     * <p>What is not: the node still closes its sockets (as the kernel does for a killed process) and writes
     * its files out in order; if it leads the metadata quorum, its Raft client resigns (EndQuorumEpoch), so
     * the next controller is elected at once rather than after the election timeout. A node that hangs with
     * its ports open (a long pause, a network partition) is not simulated, nor a power cut's lost page cache.
     */
    public synchronized void stop(int nodeId) {
        Node node = node(nodeId);
        KafkaRaftServer server = running.remove(nodeId);
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        try {
            Files.deleteIfExists(node.dir().resolve(CLEAN_SHUTDOWN_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the clean-shutdown marker of node " + nodeId, e);
        }
        LOG.info("Kafka node {} stopped (no controlled shutdown)", nodeId);
    }

    /**
     * Starts the given stopped nodes, together, on their ports and data; nodes that run are left alone.
     * A node's start waits for a quorum, so it returns once a majority of the three runs: starting one node
     * while the two others are stopped fails after {@code initial.broker.registration.timeout.ms} (60 s).
     */
    public synchronized void start(int... nodeIds) {
        if (closed) {
            throw new IllegalStateException("the cluster is closed");
        }
        List<Node> toStart = new ArrayList<>();
        for (int id : new TreeSet<>(Arrays.stream(nodeIds).boxed().toList())) {
            if (!running.containsKey(id)) {
                toStart.add(node(id));
            }
        }
        for (Node node : toStart) {
            // Checked up front because Kafka reports a taken port only after starting half of the node.
            Ports.requireFree(node.port(), "Kafka node " + node.id());
            Ports.requireFree(node.controllerPort(), "Kafka node " + node.id() + "'s controller");
        }
        QuietLogging.quiet(QuietLogging.KAFKA);
        long started = System.nanoTime();
        // Together, because each node's start blocks until the quorum has a majority to elect a leader.
        Map<Node, CompletableFuture<KafkaRaftServer>> starts = new LinkedHashMap<>();
        for (Node node : toStart) {
            starts.put(node, CompletableFuture.supplyAsync(() -> startServer(node), runnable -> {
                Thread thread = new Thread(runnable, "kafka-node-" + node.id() + "-start");
                thread.setDaemon(true);
                thread.start();
            }));
        }
        RuntimeException failure = null;
        for (var start : starts.entrySet()) {
            try {
                running.put(start.getKey().id(), start.getValue().join());
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            for (Node node : toStart) {
                stop(node.id());
            }
            throw failure;
        }
        for (Node node : toStart) {
            Ports.awaitListening(node.port(), Duration.ofSeconds(30));
        }
        LOG.info("Kafka nodes {} ready in {} ms, cluster on {}", toStart.stream().map(Node::id).toList(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(), bootstrapServers());
    }

    private KafkaRaftServer startServer(Node node) {
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(node.config()), Time.SYSTEM);
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            try {
                server.shutdown();
                server.awaitShutdown();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("Kafka node " + node.id() + " did not start on " + HOST + ":" + node.port()
                    + " (controller port " + node.controllerPort() + ")", e);
        }
    }

    /** The node that leads the metadata quorum, i.e. the active controller. */
    public int activeController() {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the metadata quorum did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until every partition of every topic (the internal ones included) has a leader and all its
     * replicas in sync: a node just started has caught up, and stopping another one leaves every partition
     * two in-sync replicas.
     */
    public void awaitFullyReplicated(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lagging = "not asked yet";
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    lagging = laggingPartitions(admin);
                    if (lagging.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    lagging = e.getMessage();
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("not fully replicated after " + timeout + ": " + lagging);
    }

    private static String laggingPartitions(Admin admin)
            throws InterruptedException, ExecutionException, TimeoutException {
        Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        List<String> lagging = new ArrayList<>();
        for (TopicDescription topic : descriptions.values()) {
            for (TopicPartitionInfo p : topic.partitions()) {
                if (p.leader() == null || p.leader().isEmpty() || !new HashSet<>(p.isr()).containsAll(p.replicas())) {
                    lagging.add(topic.name() + "-" + p.partition() + " (leader " + p.leader() + ", in sync " + p.isr() + ")");
                }
            }
        }
        return String.join(", ", lagging);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000));
    }

    /** Stops every node and deletes the data directory if it was a temporary one. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (int id : new ArrayList<>(running.keySet())) {
                stop(id);
            }
        } finally {
            if (temporaryDataDir) {
                Directories.deleteRecursively(dataDir);
            }
        }
    }

    private void format() {
        String clusterId = Uuid.randomUuid().toString();
        for (Node node : nodes.values()) {
            // A directory from an earlier run keeps its cluster id (see KafkaBroker.format).
            if (!Files.exists(node.dir().resolve("meta.properties"))) {
                KafkaStorage.format(node.dir(), node.id(), clusterId);
            }
        }
    }

    private Node node(int nodeId) {
        Node node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no Kafka node " + nodeId + "; the nodes are " + nodeIds());
        }
        return node;
    }

    private static List<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        for (int i = 0; ports.size() < count && i < 20 * count; i++) {
            ports.add(Ports.freePort());
        }
        if (ports.size() < count) {
            throw new IllegalStateException("cannot find " + count + " free ports");
        }
        return List.copyOf(ports);
    }
}
