package vn.edu.haiphong.dvc.payment.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.jboss.logging.Logger;

/**
 * Repeats what must not be skipped (storing a record, sending a dead letter) until it succeeds, pausing
 * twice as long after each failure, up to 10 s. It gives up only when the service stops: the record then
 * stays uncommitted and is read again at the next start.
 */
final class Backoff {

    /** Thrown when the service stops before the attempt succeeded. */
    static final class Stopped extends RuntimeException {
        Stopped(String what, Throwable cause) {
            super("Stopped before " + what + " succeeded", cause);
        }
    }

    private static final Logger LOG = Logger.getLogger(Backoff.class);
    private static final Duration FIRST = Duration.ofMillis(200);
    private static final Duration MAX = Duration.ofSeconds(10);

    private Backoff() {
    }

    static void untilDone(String what, Runnable attempt, BooleanSupplier stopping) {
        Duration pause = FIRST;
        while (true) {
            try {
                attempt.run();
                return;
            } catch (Stopped e) {
                throw e;
            } catch (RuntimeException e) {
                if (stopping.getAsBoolean()) {
                    throw new Stopped(what, e);
                }
                LOG.warnf("Could not %s, trying again in %d ms: %s", what, pause.toMillis(), rootCause(e));
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new Stopped(what, e);
                }
                pause = pause.multipliedBy(2).compareTo(MAX) > 0 ? MAX : pause.multipliedBy(2);
            }
        }
    }

    /** The innermost message says what failed ("the database system is starting up"), not a wrapper's "could not commit". */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
    }
}
