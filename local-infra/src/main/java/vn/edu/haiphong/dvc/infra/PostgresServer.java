package vn.edu.haiphong.dvc.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the binaries that {@code io.zonky.test.postgres} ships as a Maven
 * artifact, so nothing has to be installed.
 *
 * <p>Authentication is {@code trust}: any password is accepted for the {@link #username()} superuser.
 * The server runs as a separate process; a JVM shutdown hook stops it so that it never outlives the JVM.
 * When run as root, the library starts PostgreSQL through {@code unshare -U} because PostgreSQL refuses
 * to run as root.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    /** Unquoted PostgreSQL identifiers, which is all the databases here ever need. */
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final String SUPERUSER = "postgres";
    // Ignored by the trust authentication, but some clients refuse an empty password.
    private static final String PASSWORD = "postgres";

    private final int port;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final Thread shutdownHook;

    private EmbeddedPostgres postgres;
    private boolean closed;

    private PostgresServer(int port, Path dataDir, boolean temporaryDataDir) {
        this.port = port;
        this.dataDir = dataDir;
        this.temporaryDataDir = temporaryDataDir;
        this.shutdownHook = new Thread(this::closeFromHook, "postgres-" + port + "-shutdown");
    }

    /**
     * Starts a server.
     *
     * @param port the port, 0 to pick a free one
     * @param dataDir the cluster directory, created by initdb when empty and reused as it is otherwise;
     *     {@code null} for a temporary directory deleted by {@link #close()}
     */
    public static PostgresServer start(int port, Path dataDir) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        boolean temporary = dataDir == null;
        Path dir;
        try {
            dir = temporary ? Files.createTempDirectory("dvc-postgres-") : Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the PostgreSQL data directory", e);
        }
        PostgresServer server = new PostgresServer(port == 0 ? Ports.freePort() : port, dir.toAbsolutePath(),
                temporary);
        try {
            server.startProcess();
        } catch (RuntimeException e) {
            server.deleteTemporaryDataDir();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        return server;
    }

    /** A JDBC URL for a database on this server, e.g. {@code jdbc:postgresql://localhost:5432/dossier}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + Objects.requireNonNull(database, "database");
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return postgres != null;
    }

    /** Creates the database unless it exists; names are limited to lower-case unquoted identifiers. */
    public void createDatabaseIfMissing(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, PASSWORD)) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, name);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            // A concurrent creator may win the race between the check and CREATE DATABASE.
            if (!"42P04".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    /** Stops PostgreSQL (fast shutdown); the data directory and port are kept for {@link #restart()}. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        EmbeddedPostgres p = postgres;
        postgres = null;
        try {
            p.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop PostgreSQL on port " + port, e);
        }
    }

    /** Starts PostgreSQL again on the same port and data directory, stopping it first if it runs. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("the PostgreSQL server is closed");
        }
        stop();
        startProcess();
    }

    /** Stops PostgreSQL and deletes the data directory if it was a temporary one. */
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
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to; it will find the server closed.
            }
        }
    }

    private void closeFromHook() {
        try {
            close();
        } catch (RuntimeException e) {
            System.err.println("could not stop PostgreSQL on port " + port + ": " + e);
        }
    }

    private void startProcess() {
        // Checked up front because pg_ctl only reports a generic start failure after a wait.
        Ports.requireFree(port, "PostgreSQL");
        QuietLogging.quiet(QuietLogging.POSTGRES);
        long started = System.nanoTime();
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    // The data must survive stop() and restart(); close() deletes temporary directories itself.
                    .setCleanDataDirectory(false)
                    // One hook per server, owned by this class, instead of one more per restart.
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start on port " + port + " with data in " + dataDir,
                    e);
        }
        LOG.info("PostgreSQL ready on {} in {} ms, data in {}", jdbcUrl(""),
                (System.nanoTime() - started) / 1_000_000, dataDir);
    }

    private void deleteTemporaryDataDir() {
        if (temporaryDataDir) {
            Directories.deleteRecursively(dataDir);
        }
    }
}
