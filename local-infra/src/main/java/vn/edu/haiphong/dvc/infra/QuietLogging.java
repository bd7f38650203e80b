package vn.edu.haiphong.dvc.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

/**
 * Turns the embedded servers' own loggers down to WARN: a broker writes about 1,500 INFO lines per start and
 * initdb a screenful, which buries the output of whatever they were started for.
 */
final class QuietLogging {

    static final List<String> KAFKA = List.of("org.apache.kafka", "kafka", "state.change.logger");
    static final List<String> POSTGRES = List.of("io.zonky.test");

    // The log context may drop a level set on a logger nobody references any more, so the loggers are kept.
    private static final Map<String, Logger> QUIETED = new HashMap<>();

    private QuietLogging() {
    }

    /** Leaves alone any category that already has a level, so that a deliberate DEBUG setting still works. */
    static synchronized void quiet(List<String> categories) {
        for (String category : categories) {
            if (QUIETED.containsKey(category)) {
                continue;
            }
            Logger logger = LogContext.getLogContext().getLogger(category);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
            QUIETED.put(category, logger);
        }
    }
}
