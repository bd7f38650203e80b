package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * The whole system as separate processes, as in production: a Kafka broker and a PostgreSQL server
 * (Apache Kafka's and PostgreSQL's own code, launched from this module), and the three packaged services,
 * each on a free port. Any of them can be killed with SIGKILL and started again on the same port and data.
 * The end-to-end tests and the benchmark harness drive it.
 *
 * <p>The services can instead be pointed at a Kafka cluster that the caller runs, such as a three-node
 * {@link KafkaCluster}; the stack then starts no broker of its own.
 */
public final class ProcessStack implements AutoCloseable {

    public static final String ISSUER = "https://dvc.haiphong.edu.vn/e2e";

    /** A process of the stack, and how to start it again. */
    private record Member(String name, ProcessBuilder builder, int port, String readyPath, Process[] process) {
    }

    private final Path root;
    private final Path dir;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    /** The stack's own broker's port; -1 when the services use a cluster given to the constructor. */
    public final int kafkaPort;
    private final String kafkaBootstrapServers;
    private final Map<String, String> serviceEnvironment;
    private final Map<String, Map<String, String>> environmentByService = new LinkedHashMap<>();
    public final int postgresPort = Ports.freePort();
    public final String ingestToken;
    public final String readerToken;
    public final String adminToken;
    private final String serviceHeap;

    /**
     * @param root the repository's root (the services' jars are under {@code <service>/target/quarkus-app})
     * @param dir where data, keys and logs go
     * @param serviceHeap each service's -Xmx, such as {@code 384m}
     */
    public ProcessStack(Path root, Path dir, String serviceHeap) throws IOException {
        this(root, dir, serviceHeap, null, Map.of());
    }

    /**
     * A stack whose services use a Kafka cluster run by the caller; it starts PostgreSQL and the services only.
     *
     * @param kafkaBootstrapServers the cluster's addresses, e.g. {@link KafkaCluster#bootstrapServers()}
     * @param serviceEnvironment extra environment variables of every service, e.g. the replication factor
     *        of the topics they create
     */
    public ProcessStack(Path root, Path dir, String serviceHeap, String kafkaBootstrapServers,
            Map<String, String> serviceEnvironment) throws IOException {
        this.root = root;
        this.dir = dir;
        this.serviceHeap = serviceHeap;
        this.kafkaPort = kafkaBootstrapServers == null ? Ports.freePort() : -1;
        this.kafkaBootstrapServers = kafkaBootstrapServers == null ? "localhost:" + kafkaPort : kafkaBootstrapServers;
        this.serviceEnvironment = Map.copyOf(serviceEnvironment);
        Files.createDirectories(dir.resolve("logs"));
        KeyPair keys = Tokens.generateKeyPair();
        Tokens.writePublicKeyPem(keys.getPublic(), dir.resolve("jwt-public.pem"));
        Duration day = Duration.ofDays(1);
        ingestToken = Tokens.mint(keys.getPrivate(), ISSUER, "e2e-ingest", Set.of("ingest"), day);
        readerToken = Tokens.mint(keys.getPrivate(), ISSUER, "e2e-reader", Set.of("reader"), day);
        adminToken = Tokens.mint(keys.getPrivate(), ISSUER, "e2e-admin", Set.of("admin"), day);
    }

    public void start() throws Exception {
        String infra = root.resolve("local-infra/target/local-infra.jar") + java.io.File.pathSeparator
                + root.resolve("local-infra/target/lib/*");
        boolean ownKafka = kafkaPort != -1;
        if (ownKafka) {
            member("kafka", new ProcessBuilder("java", "-Xmx512m", "-cp", infra, "vn.edu.haiphong.dvc.infra.LocalKafkaMain",
                    "--port", Integer.toString(kafkaPort), "--data-dir", dir.resolve("kafka").toString()), kafkaPort, null);
        }
        member("postgres", new ProcessBuilder("java", "-Xmx128m", "-cp", infra, "vn.edu.haiphong.dvc.infra.LocalPostgresMain",
                "--port", Integer.toString(postgresPort), "--data-dir", dir.resolve("postgres").toString(),
                "--databases", "dossier,payment,indicator"), postgresPort, null);
        if (ownKafka) {
            startAndWait("kafka");
        }
        startAndWait("postgres");
        service("dossier-service", "dossier", Ports.freePort());
        service("payment-service", "payment", Ports.freePort());
        service("indicator-service", "indicator", Ports.freePort());
        for (String name : List.of("dossier-service", "payment-service", "indicator-service")) {
            startAndWait(name);
        }
    }

    /**
     * Extra environment variables of one service (after those of every service), e.g. its own Kafka credentials;
     * call it before {@link #start()}.
     */
    public void environmentOf(String service, Map<String, String> environment) {
        environmentByService.computeIfAbsent(service, s -> new LinkedHashMap<>()).putAll(environment);
    }

    /** Another instance of indicator-service, in the same consumer group and on the same database. */
    public void addIndicatorInstance(String name) throws Exception {
        service(name, "indicator", Ports.freePort(), root.resolve("indicator-service/target/quarkus-app/quarkus-run.jar"));
        startAndWait(name);
    }

    /** What the services are given as {@code KAFKA_BOOTSTRAP_SERVERS}. */
    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String url(String name) {
        return "http://localhost:" + members.get(name).port();
    }

    public void kill(String name) throws InterruptedException {
        Process process = members.get(name).process()[0];
        process.destroyForcibly();
        process.waitFor();
    }

    /** A clean stop (SIGTERM) and a start with extra environment variables (kept for later starts too). */
    public void restartWith(String name, Map<String, String> environment) throws Exception {
        Process process = members.get(name).process()[0];
        process.destroy();
        process.waitFor();
        members.get(name).builder().environment().putAll(environment);
        startAndWait(name);
    }

    /** A clean stop (SIGTERM); {@link #startAndWait} starts it again on the same port and data. */
    public void stop(String name) throws InterruptedException {
        Process process = members.get(name).process()[0];
        process.destroy();
        process.waitFor();
    }

    /** The environment of a member's next starts. */
    public Map<String, String> environment(String name) {
        return members.get(name).builder().environment();
    }

    /** A clean stop (SIGTERM) and a start on the same port and data. */
    public void restart(String name) throws Exception {
        Process process = members.get(name).process()[0];
        process.destroy();
        process.waitFor();
        startAndWait(name);
    }

    public void startAndWait(String name) throws Exception {
        Member m = members.get(name);
        m.builder().redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("logs/" + name + ".log").toFile()));
        m.process()[0] = m.builder().start();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!ready(name, m)) {
            if (System.nanoTime() > deadline || !m.process()[0].isAlive()) {
                throw new IllegalStateException(name + " did not become ready; see " + dir.resolve("logs/" + name + ".log"));
            }
            Thread.sleep(200);
        }
    }

    private boolean ready(String name, Member m) {
        if (m.readyPath() == null) {
            return Ports.isInUse(m.port());
        }
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(name) + m.readyPath())).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The operating system's id of a member's current process. */
    public long pid(String name) {
        return members.get(name).process()[0].pid();
    }

    private void service(String name, String database, int port) {
        service(name, database, port, root.resolve(name + "/target/quarkus-app/quarkus-run.jar"));
    }

    private void service(String name, String database, int port, Path jar) {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx" + serviceHeap, "-jar", jar.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + postgresPort + "/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + dir.resolve("jwt-public.pem"));
        env.put("MP_JWT_VERIFY_ISSUER", ISSUER);
        env.put("DVC_DOSSIER_APPLICANT_HASH_KEY", "e2e-key-of-at-least-thirty-two-bytes-0123456789");
        env.put("DVC_PAYMENT_DOSSIER_SERVICE_TOKEN", readerToken);
        if (members.containsKey("dossier-service")) {
            env.put("QUARKUS_REST_CLIENT_DOSSIER_SERVICE_URL", url("dossier-service"));
        }
        env.putAll(serviceEnvironment);
        env.putAll(environmentByService.getOrDefault(name.startsWith("indicator-service") ? "indicator-service" : name, Map.of()));
        member(name, builder, port, "/q/health/ready");
    }

    private void member(String name, ProcessBuilder builder, int port, String readyPath) {
        builder.redirectErrorStream(true);
        members.put(name, new Member(name, builder, port, readyPath, new Process[1]));
    }

    @Override
    public void close() {
        List<Member> reversed = new ArrayList<>(members.values());
        java.util.Collections.reverse(reversed);
        for (Member m : reversed) {
            Process p = m.process()[0];
            if (p != null && p.isAlive()) {
                p.destroy();
                try {
                    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    p.destroyForcibly();
                }
            }
        }
    }
}
