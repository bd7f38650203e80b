package vn.edu.haiphong.dvc.ingest.support;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Re-runs a whole transaction when PostgreSQL refused it only because a concurrent one got there first
 * (a unique key taken meanwhile, a deadlock, a serialisation failure). The re-run sees the winner's
 * committed rows and answers as if the requests had come one after the other.
 */
public final class Retry {

    private static final Set<String> TRANSIENT_STATES = Set.of("23505", "40001", "40P01");
    private static final int ATTEMPTS = 5;

    private Retry() {
    }

    public static <T> T onConcurrentConflict(Supplier<T> transaction) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && TRANSIENT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
