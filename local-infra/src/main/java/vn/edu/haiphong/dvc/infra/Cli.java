package vn.edu.haiphong.dvc.infra;

import java.net.BindException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/** The small amount of argument parsing and exit handling the launchers share. */
final class Cli {

    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE_OR_PORT = 2;

    private final Map<String, String> values;

    private Cli(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Must run before anything logs: the broker and the database library log through slf4j to JBoss
     * LogManager, which prints nothing unless it is also the JDK's log manager.
     */
    static void useJbossLogManager() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        // Logs go to stderr so that stdout carries only the READY line a script waits for.
        ConsoleHandler handler = new ConsoleHandler(ConsoleHandler.Target.SYSTEM_ERR,
                new PatternFormatter("%d{HH:mm:ss,SSS} %-5p [%c{3.}] %s%e%n"));
        LogContext.getLogContext().getLogger("").setHandlers(new Handler[] {handler});
    }

    /** Parses {@code --name value} pairs; exits with a usage message on anything else. */
    static Cli parse(String[] args, Set<String> allowed, String usage) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            String name = arg.startsWith("--") ? arg.substring(2) : null;
            int eq = name == null ? -1 : name.indexOf('=');
            String value;
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
            }
            if (name == null || !allowed.contains(name) || value == null) {
                exit(EXIT_USAGE_OR_PORT, "Unexpected argument " + arg + ". " + usage);
            }
            values.put(name, value);
        }
        return new Cli(values);
    }

    String get(String name) {
        return values.get(name);
    }

    String require(String name, String usage) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            exit(EXIT_USAGE_OR_PORT, "Missing --" + name + ". " + usage);
        }
        return value;
    }

    int port(String usage) {
        String value = values.getOrDefault("port", "0");
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below together with the range problem.
        }
        exit(EXIT_USAGE_OR_PORT, "--port must be a number from 0 to 65535, not " + value + ". " + usage);
        return -1;
    }

    Path path(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath();
    }

    static void exitIfPortInUse(int port, String what) {
        if (Ports.isInUse(port)) {
            exitPortInUse(port, what);
        }
    }

    static void exitPortInUse(int port, String what) {
        exit(EXIT_USAGE_OR_PORT, "Port " + port + " is already in use, so " + what
                + " cannot start; stop whatever listens there or pass another --port.");
    }

    static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || String.valueOf(t.getMessage()).contains("Address already in use")) {
                return true;
            }
        }
        return false;
    }

    static void exit(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }

    /** Keeps the main thread alive until a signal runs the shutdown hooks, which end the JVM. */
    static void blockUntilShutdown() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
