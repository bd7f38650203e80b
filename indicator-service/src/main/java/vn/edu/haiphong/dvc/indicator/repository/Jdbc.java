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

import io.agroal.api.AgroalDataSource;

/**
 * The one way this service's repositories talk to PostgreSQL: plain JDBC on the Agroal pool, which joins the
 * caller's transaction when there is one. Statements with {@code ?} parameters, rows read by the caller.
 */
@ApplicationScoped
public class Jdbc {

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

    private final AgroalDataSource dataSource;

    public Jdbc(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> List<T> list(Sql sql, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql)) {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
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
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, new Sql().add(sql, parameters))) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
