package vn.edu.haiphong.dvc.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How much a JVM of the stack has been compiling (its JIT), read from its own performance counters with the JDK's
 * {@code jcmd PID PerfCounter.print}: {@code java.ci.totalTime}, the time its compilations took (from start to end,
 * so on a busy machine it includes the compiler threads' wait for a core), in ticks of {@code sun.os.hrt.frequency}. A service still compiling is not yet in its steady state: the warm-up goes on
 * until the services under load have stopped compiling, and every ingest row says how much compiling its window still
 * held.
 */
final class Jit {

    private final String jcmd;

    Jit() {
        this.jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    /** Seconds the process's compiler threads have spent compiling since it started, or -1 if it cannot be read. */
    double compiledSeconds(long pid) {
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "PerfCounter.print").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return -1;
            }
            Map<String, String> counters = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    counters.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
            String ticks = counters.get("java.ci.totalTime");
            String frequency = counters.get("sun.os.hrt.frequency");
            if (ticks == null || frequency == null) {
                return -1;
            }
            return Long.parseLong(ticks) / (double) Long.parseLong(frequency);
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
