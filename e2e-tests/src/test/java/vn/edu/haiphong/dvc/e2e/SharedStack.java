package vn.edu.haiphong.dvc.e2e;

import java.nio.file.Path;

/**
 * One system per test JVM, started by the first test class that needs it and stopped when the JVM ends:
 * the fault scenarios and the bad-input properties (run by different test engines) share it.
 */
final class SharedStack {

    private static Stack stack;

    private SharedStack() {
    }

    static synchronized Stack get() throws Exception {
        if (stack == null) {
            Stack started = new Stack(Path.of("target/e2e").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-stack-stop"));
            started.start();
            stack = started;
        }
        return stack;
    }
}
