package vn.edu.haiphong.dvc.e2e;

import java.nio.file.Path;

import vn.edu.haiphong.dvc.infra.ProcessStack;

/**
 * One system per test JVM, started by the first test class that needs it and stopped when the JVM ends:
 * the fault scenarios and the bad-input properties (run by different test engines) share it.
 */
final class SharedStack {

    private static ProcessStack stack;

    private SharedStack() {
    }

    static synchronized ProcessStack get() throws Exception {
        if (stack == null) {
            ProcessStack started = new ProcessStack(Path.of("").toAbsolutePath().getParent(), Path.of("target/e2e").toAbsolutePath(), "384m");
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-stack-stop"));
            started.start();
            stack = started;
        }
        return stack;
    }
}
