package vn.edu.haiphong.dvc.indicator.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import vn.edu.haiphong.dvc.api.problem.ProblemException;

/**
 * The one way this service's repositories talk to PostgreSQL: plain JDBC, statements with {@code ?} parameters,
 * rows read by the caller. Two pools:
 * <ul>
 * <li>inside a transaction (the consumer's batches, an administrator's change, the rebuild), the writers' pool, the
 * default datasource, whose connection joins the transaction;</li>
 * <li>outside any transaction (what a request reads), the readers' pool ({@code readers}), whose connections end any
 * statement that runs longer than {@code dvc.indicator.read-statement-timeout}.</li>
 * </ul>
 * So that no reader holds a connection for long, and readers, however many and slow, never take the connections
 * the consumer needs: it only ever reads and writes inside its transactions.
 */
@ApplicationScoped
public class Jdbc {

    /** PostgreSQL's code for a statement cancelled by its statement_timeout. */
    private static final String QUERY_CANCELED = "57014";

    /** Reads one row. */
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A statement built in pieces, with its parameters in the order of its {@code ?}. */
    public static final class Sql {
        private final StringBuilder text = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();

        public Sql add(String sql, Object... values) {
            text.append(sql);
            parameters.addAll(Arrays.asList(values));
            return this;
        }

        public Sql add(Sql other) {
            text.append(other.text);
            parameters.addAll(other.parameters);
            return this;
        }

        public String text() {
            return text.toString();
        }

        public List<Object> parameters() {
            return parameters;
        }
    }

    private final AgroalDataSource writers;
    private final AgroalDataSource readers;
    private final TransactionManager transactions;

    public Jdbc(AgroalDataSource writers, @DataSource("readers") AgroalDataSource readers, TransactionManager transactions) {
        this.writers = writers;
        this.readers = readers;
        this.transactions = transactions;
    }

    public <T> List<T> list(Sql sql, Row<T> row) {
        boolean reading = !inTransaction();
        try (Connection c = connection(reading); PreparedStatement s = prepare(c, sql)) {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw failure(e, reading);
        }
    }

    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return list(new Sql().add(sql, parameters), row);
    }

    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return list(sql, row, parameters).stream().findFirst();
    }

    /** The first column of the one row a query returns, as a number (0 for SQL null). */
    public long number(Sql sql) {
        return list(sql, rs -> rs.getLong(1)).get(0);
    }

    public int update(String sql, Object... parameters) {
        boolean reading = !inTransaction();
        try (Connection c = connection(reading); PreparedStatement s = prepare(c, new Sql().add(sql, parameters))) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e, reading);
        }
    }

    /** Whether this thread runs in a transaction: its statements then belong to it, on the writers' pool. */
    public boolean inTransaction() {
        try {
            int status = transactions.getStatus();
            return status != Status.STATUS_NO_TRANSACTION && status != Status.STATUS_UNKNOWN;
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connection(boolean reading) throws SQLException {
        if (!reading) {
            return writers.getConnection();
        }
        try {
            return readers.getConnection();
        } catch (SQLException e) {
            // Every reader's connection taken for longer than the pool's acquisition timeout, most often: busy, not broken.
            throw ProblemException.unavailable("No connection for reading could be had in time (every one busy, or the database"
                    + " out of reach); try again in a moment.");
        }
    }

    /**
     * A reader's statement that ran out of time is the service's limit, not a fault: 503, and the client may ask
     * again (the answer, once computed, is cached for the data's version).
     */
    private static RuntimeException failure(SQLException e, boolean reading) {
        if (reading && QUERY_CANCELED.equals(e.getSQLState())) {
            return ProblemException.unavailable("The query took longer than this service allows a read"
                    + " (dvc.indicator.read-statement-timeout); try a shorter period or a smaller unit, or again later.");
        }
        return new IllegalStateException(e);
    }

    private static PreparedStatement prepare(Connection c, Sql sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql.text());
        try {
            List<Object> parameters = sql.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
