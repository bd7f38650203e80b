package vn.edu.haiphong.dvc.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples {@code pg_stat_activity} every 10 ms on a connection of its own, for the backends of the named applications
 * (each indicator-service instance names itself with the JDBC URL's {@code ApplicationName}): how often each was in a
 * transaction, and how often, in a transaction, it was waiting on a lock (a row lock shows as {@code Lock/transactionid}
 * or {@code Lock/tuple}). The share of the latter among the former is the share of transaction time spent waiting on
 * another transaction's locks.
 */
final class LockWaits implements AutoCloseable {

    /** One application's samples: its backends' samples in a transaction, and of those, the ones waiting on a lock. */
    record Share(String application, long inTransaction, long waitingOnLock) {
        double percent() {
            return inTransaction == 0 ? 0 : 100.0 * waitingOnLock / inTransaction;
        }
    }

    /** The result: a share per application and one over all of them, and how many samples were taken. */
    record Result(List<Share> shares, Share all, long samples, double seconds) {
    }

    private static final long INTERVAL_NANOS = 10_000_000L;

    private final Connection connection;
    private final List<String> applications;
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile SQLException failure;
    private long samples;
    private long start;
    private long stop;

    private LockWaits(int port, List<String> applications) throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/indicator?ApplicationName=dvc-bench-sampler",
                "postgres", "postgres");
        this.connection.setAutoCommit(true);
        this.applications = applications;
        applications.forEach(a -> counts.put(a, new long[2]));
        this.thread = new Thread(this::sample, "lock-wait-sampler");
    }

    /** Starts sampling at once, on a thread of its own. */
    static LockWaits start(int port, List<String> applications) throws SQLException {
        LockWaits sampler = new LockWaits(port, applications);
        sampler.start = System.nanoTime();
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        String sql = "select application_name, wait_event_type = 'Lock' from pg_stat_activity where application_name = any(?) "
                + "and xact_start is not null and state in ('active', 'idle in transaction', 'idle in transaction (aborted)')";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setArray(1, connection.createArrayOf("text", applications.toArray()));
            long due = System.nanoTime();
            while (running) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long[] c = counts.get(rs.getString(1));
                        c[0]++;
                        if (rs.getBoolean(2)) {
                            c[1]++;
                        }
                    }
                }
                samples++;
                due += INTERVAL_NANOS;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } else {
                    due = System.nanoTime();
                }
            }
        } catch (SQLException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops sampling. @return the shares */
    Result stop() throws InterruptedException, SQLException {
        running = false;
        thread.join();
        stop = System.nanoTime();
        if (failure != null) {
            throw failure;
        }
        List<Share> shares = counts.entrySet().stream().map(e -> new Share(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        Share all = new Share("all", shares.stream().mapToLong(Share::inTransaction).sum(), shares.stream().mapToLong(Share::waitingOnLock).sum());
        return new Result(shares, all, samples, (stop - start) / 1e9);
    }

    @Override
    public void close() throws SQLException {
        running = false;
        connection.close();
    }
}
