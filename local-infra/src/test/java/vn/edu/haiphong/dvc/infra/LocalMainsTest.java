package vn.edu.haiphong.dvc.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the launchers as the quick-start script does: a separate JVM, a READY line, then SIGTERM. */
class LocalMainsTest {

    @Test
    void kafkaMainPrintsReadyAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        Process process = launch(LocalKafkaMain.class, "--port", Integer.toString(port), "--data-dir",
                dir.resolve("kafka").toString());
        try {
            assertThat(readLine(process)).isEqualTo("READY localhost:" + port);
            // The quick start's broker leaves topic creation to their owners, as production does.
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
                admin.createTopics(List.of(new NewTopic("main-test", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            KafkaBrokerTest.produce("localhost:" + port, "main-test", "hello");
        } finally {
            assertThat(terminate(process)).isEqualTo(143);
        }
        assertThat(dir.resolve("kafka/meta.properties")).exists();
    }

    @Test
    void postgresMainCreatesTheDatabasesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        Process process = launch(LocalPostgresMain.class, "--port", Integer.toString(port), "--data-dir",
                dir.resolve("pg").toString(), "--databases", "one,two");
        try {
            String url = "jdbc:postgresql://localhost:" + port + "/";
            assertThat(readLine(process)).isEqualTo("READY " + url);
            try (Connection c = DriverManager.getConnection(url + "two", "postgres", "postgres");
                    ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("two");
            }
        } finally {
            assertThat(terminate(process)).isEqualTo(143);
        }
        assertThat(Ports.isInUse(port)).isFalse();
        assertThat(dir.resolve("pg/PG_VERSION")).exists();
    }

    @Test
    void aTakenPortExitsWithTwoAndOneSentence() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            for (Class<?> main : List.of(LocalKafkaMain.class, LocalPostgresMain.class)) {
                Process process = launch(main, "--port", Integer.toString(taken.getLocalPort()));
                assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(process.exitValue()).isEqualTo(2);
                String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(stderr.strip()).startsWith("Port " + taken.getLocalPort() + " is already in use")
                        .doesNotContain("\n");
            }
        }
    }

    private static Process launch(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
    }

    private static String readLine(Process process) throws IOException {
        // Drained on a thread so that a chatty stderr can never block the child.
        Thread drain = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // The child has gone.
            }
        });
        drain.setDaemon(true);
        drain.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        return reader.readLine();
    }

    private static int terminate(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

}
