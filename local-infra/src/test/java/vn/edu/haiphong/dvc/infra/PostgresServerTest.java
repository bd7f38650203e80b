package vn.edu.haiphong.dvc.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void createsADatabaseThatJdbcCanUse() throws Exception {
        Path dataDir;
        try (PostgresServer server = PostgresServer.start(0, null)) {
            dataDir = server.dataDir();
            server.createDatabaseIfMissing("alpha");
            server.createDatabaseIfMissing("alpha");
            assertThat(queryString(server, "alpha", "SELECT current_database()")).isEqualTo("alpha");
            assertThat(queryString(server, "alpha", "SHOW server_version")).startsWith("17.");
            assertThatThrownBy(() -> server.createDatabaseIfMissing("Robert'); DROP"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(dataDir).doesNotExist();
    }

    @Test
    void aTableSurvivesRestartsWithTheSameDataDir(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("pg");
        int port;
        try (PostgresServer server = PostgresServer.start(0, dataDir)) {
            port = server.port();
            server.createDatabaseIfMissing("beta");
            execute(server, "beta", "CREATE TABLE kept (v text)");
            execute(server, "beta", "INSERT INTO kept VALUES ('survives')");

            server.stop();
            assertThat(server.isRunning()).isFalse();
            assertThatThrownBy(() -> queryString(server, "beta", "SELECT 1")).isInstanceOf(SQLException.class);

            server.restart();
            assertThat(queryString(server, "beta", "SELECT v FROM kept")).isEqualTo("survives");
        }
        assertThat(dataDir.resolve("PG_VERSION")).exists();

        try (PostgresServer again = PostgresServer.start(port, dataDir)) {
            assertThat(queryString(again, "beta", "SELECT v FROM kept")).isEqualTo("survives");
        }
    }

    @Test
    void aTakenPortFailsWithAnException() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> PostgresServer.start(taken.getLocalPort(), null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }

    static void execute(PostgresServer server, String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.username(), server.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String queryString(PostgresServer server, String db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(db), server.username(), server.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
