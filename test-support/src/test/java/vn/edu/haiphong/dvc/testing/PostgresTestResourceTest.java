package vn.edu.haiphong.dvc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.edu.haiphong.dvc.infra.PostgresServer;

class PostgresTestResourceTest {

    @Test
    void eachStartGetsAFreshDatabaseThatStopDrops() throws Exception {
        PostgresTestResource first = started(Map.of("database", "dossier"));
        PostgresTestResource second = started(Map.of("database", "dossier"));
        try {
            Map<String, String> config = first.start();
            Map<String, String> otherConfig = second.start();
            String url = config.get("quarkus.datasource.jdbc.url");
            assertThat(url).matches("jdbc:postgresql://[^/]+/dossier_test_[0-9a-f]{8}");
            assertThat(otherConfig.get("quarkus.datasource.jdbc.url")).isNotEqualTo(url);

            try (Connection c = connect(config)) {
                execute(c, "CREATE TABLE t (v int)");
                execute(c, "INSERT INTO t VALUES (42)");
                assertThat(queryInt(c, "SELECT v FROM t")).isEqualTo(42);
            }
            String database = first.database();
            first.stop();
            assertThat(databaseExists(otherConfig, database)).isFalse();
        } finally {
            first.stop();
            second.stop();
        }
    }

    /** The path CI and production-like runs take, against a server this test starts itself. */
    @Test
    void anExternalServerGivenAsInitArgsGetsTheFreshDatabase() throws Exception {
        try (PostgresServer external = PostgresServer.start(0, null)) {
            PostgresTestResource resource = started(Map.of("database", "payment",
                    "externalUrl", external.jdbcUrl("postgres") + "?connectTimeout=10",
                    "externalUser", external.username(),
                    "externalPassword", external.password()));
            Map<String, String> config = resource.start();
            String database = resource.database();
            assertThat(config).containsEntry("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://localhost:" + external.port() + "/" + database + "?connectTimeout=10")
                    .containsEntry("quarkus.datasource.username", external.username())
                    .containsEntry("quarkus.datasource.password", external.password());
            try (Connection c = connect(config)) {
                assertThat(queryInt(c, "SELECT 7")).isEqualTo(7);
            }
            assertThat(databaseExists(config, database)).isTrue();

            resource.stop();
            assertThat(databaseExists(Map.of("quarkus.datasource.jdbc.url", external.jdbcUrl("postgres"),
                    "quarkus.datasource.username", external.username(),
                    "quarkus.datasource.password", external.password()), database)).isFalse();
        }
    }

    @Test
    void systemPropertiesNameTheExternalServerToo() throws Exception {
        // A run may itself name an external server with -D; it is put back for the tests that follow.
        Map<String, String> previous = new HashMap<>();
        for (String key : List.of(PostgresTestResource.URL_PROPERTY, PostgresTestResource.USER_PROPERTY,
                PostgresTestResource.PASSWORD_PROPERTY)) {
            previous.put(key, System.getProperty(key));
        }
        try (PostgresServer external = PostgresServer.start(0, null)) {
            System.setProperty(PostgresTestResource.URL_PROPERTY, external.jdbcUrl("postgres"));
            System.setProperty(PostgresTestResource.USER_PROPERTY, external.username());
            System.setProperty(PostgresTestResource.PASSWORD_PROPERTY, external.password());
            PostgresTestResource resource;
            try {
                resource = started(Map.of("database", "indicator"));
            } finally {
                previous.forEach((key, value) -> {
                    if (value == null) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
            }
            try {
                assertThat(resource.start().get("quarkus.datasource.jdbc.url"))
                        .startsWith("jdbc:postgresql://localhost:" + external.port() + "/indicator_test_");
            } finally {
                resource.stop();
            }
        }
    }

    @Test
    void badInputIsRefusedClearly() {
        assertThatThrownBy(() -> started(Map.of("database", "Dossier; DROP")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PostgresTestResource.withDatabase("jdbc:postgresql://a:1,b:2/postgres?ssl=true", "x"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/x?ssl=true");
        assertThat(PostgresTestResource.withDatabase("jdbc:postgresql://a:1", "x"))
                .isEqualTo("jdbc:postgresql://a:1/x");
        assertThat(PostgresTestResource.withDatabase("jdbc:postgresql://a/", "x")).isEqualTo("jdbc:postgresql://a/x");
        assertThatThrownBy(() -> PostgresTestResource.withDatabase("jdbc:mysql://a/b", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PostgresTestResource started(Map<String, String> args) {
        PostgresTestResource resource = new PostgresTestResource();
        resource.init(args);
        return resource;
    }

    static Connection connect(Map<String, String> config) throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    static boolean databaseExists(Map<String, String> config, String database) throws SQLException {
        try (Connection c = connect(config);
                PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, database);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static int queryInt(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }
}
