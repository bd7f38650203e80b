package vn.edu.haiphong.dvc.indicator.messaging;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Set;

/**
 * Tells a failure that the same messages will meet again, however often they are applied (bad data), from one
 * that waiting can mend (the database away, a lock conflict, a timeout). The first kind is set aside, one message
 * at a time, so that the rest of its batch is counted; the second is retried until it passes, since skipping it
 * would lose events.
 */
public final class Failures {

    /**
     * SQLSTATE classes of the data itself: 22 data exception (a value too long, out of range, invalid text), 23 integrity
     * constraint (a check, a null), P0 raised by our own functions (a unit placed below itself). Everything else (08
     * connection, 40 deadlock or serialization, 53 resources, 55 lock not available, 57 shutdown or cancel, 42 or XX,
     * which a fixed deployment mends) is worth waiting for.
     */
    private static final Set<String> DATA_CLASSES = Set.of("22", "23", "P0");

    private Failures() {
    }

    /** Whether the messages that met this failure would meet it again whenever they were applied. */
    public static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && state.length() >= 2 && DATA_CLASSES.contains(state.substring(0, 2));
            }
        }
        // No database error: our own code refused the message (a value it did not expect).
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NullPointerException || t instanceof IllegalArgumentException || t instanceof ArithmeticException
                    || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException || t instanceof DateTimeException) {
                return true;
            }
        }
        return false;
    }

    /** The failure in a line, for the dead letter's reason and the log: the database's own words where it spoke. */
    public static String describe(Throwable failure) {
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            deepest = t;
            if (t instanceof SQLException sql) {
                return "database refused it (SQLSTATE " + sql.getSQLState() + "): " + firstLine(sql.getMessage());
            }
        }
        return deepest.getClass().getSimpleName() + (deepest.getMessage() == null ? "" : ": " + firstLine(deepest.getMessage()));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 500 ? line.substring(0, 500) + "..." : line;
    }
}
