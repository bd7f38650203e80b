package vn.edu.haiphong.dvc.infra;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link PostgresServer} until the process gets SIGTERM or SIGINT.
 *
 * <p>Prints {@code READY jdbc:postgresql://localhost:<port>/} on stdout once the listed databases exist, so
 * that a script can wait for that line and append a database name. Exits with 2 when the port is taken.
 */
public final class LocalPostgresMain {

    static final String USAGE = "Usage: LocalPostgresMain [--port N (default 0: any free port)]"
            + " [--data-dir DIR (default: a temporary directory deleted on exit)]"
            + " [--databases a,b,c (created when missing)]";

    private LocalPostgresMain() {
    }

    public static void main(String[] args) {
        Cli.useJbossLogManager();
        Cli cli = Cli.parse(args, Set.of("port", "data-dir", "databases"), USAGE);
        int port = cli.port(USAGE);
        Path dataDir = cli.path("data-dir");
        List<String> databases = databases(cli.get("databases"));
        Cli.exitIfPortInUse(port, "PostgreSQL");

        PostgresServer server;
        try {
            server = PostgresServer.start(port, dataDir);
        } catch (RuntimeException e) {
            if (Cli.causedByBind(e)) {
                Cli.exitPortInUse(port, "PostgreSQL");
            }
            e.printStackTrace();
            Cli.exit(Cli.EXIT_FAILURE, "PostgreSQL did not start: " + e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-main-shutdown"));
        try {
            databases.forEach(server::createDatabaseIfMissing);
        } catch (RuntimeException e) {
            e.printStackTrace();
            Cli.exit(Cli.EXIT_FAILURE, "Could not create the databases " + databases + ": " + e.getMessage());
        }
        System.out.println("READY " + server.jdbcUrl(""));
        System.out.flush();
        Cli.blockUntilShutdown();
    }

    static List<String> databases(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
