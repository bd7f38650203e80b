package vn.edu.haiphong.dvc.testing;

import java.util.Map;
import java.util.function.Supplier;

import vn.edu.haiphong.dvc.infra.PostgresServer;

/**
 * Starts the JVM's one embedded test PostgreSQL. Called through {@link JvmWide}, so that the copy of this
 * class in the system class loader normally holds it; other loaders reach it through {@link Control#POSTGRES}.
 */
final class PostgresHolder {

    private static PostgresServer server;

    private PostgresHolder() {
    }

    /** Starts the server on first use and returns its maintenance URL, user and password. */
    static synchronized String[] ensureRunning() {
        if (server == null && Control.isRegistered(Control.POSTGRES)) {
            // Another class loader's copy of this class owns the server.
            Control.invoke(Control.POSTGRES, "ensureRunning");
            return new String[] {Control.attribute(Control.POSTGRES, "MaintenanceUrl"),
                Control.attribute(Control.POSTGRES, "Username"), Control.attribute(Control.POSTGRES, "Password")};
        }
        if (server == null) {
            // PostgresServer registers its own shutdown hook, which stops the process and deletes the data.
            PostgresServer started = PostgresServer.start(0, null);
            Map<String, Supplier<String>> attributes = Map.of(
                    "MaintenanceUrl", () -> started.jdbcUrl("postgres"),
                    "Username", started::username,
                    "Password", started::password);
            Map<String, Runnable> operations = Map.of("ensureRunning", PostgresHolder::restartIfStopped);
            if (!Control.register(Control.POSTGRES, attributes, operations)) {
                started.close();
                return ensureRunning();
            }
            server = started;
        }
        restartIfStopped();
        return new String[] {server.jdbcUrl("postgres"), server.username(), server.password()};
    }

    private static synchronized void restartIfStopped() {
        if (server != null && !server.isRunning()) {
            server.restart();
        }
    }
}
