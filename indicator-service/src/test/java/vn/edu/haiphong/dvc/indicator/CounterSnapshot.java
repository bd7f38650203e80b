package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;

/** The counters as rows of text, to compare what was kept incrementally with what a recount from the facts gives. */
final class CounterSnapshot {

    private CounterSnapshot() {
    }

    /**
     * Every counter, summed over its shards, and every applicant row, as text, in key order (a counter at zero is the
     * same as none): what the indicators are read from, whichever shards wrote it.
     */
    static List<String> of(AgroalDataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("""
                    select unit_code, metric, period, period_start, procedure_code, sum(n) from indicator_count
                    group by unit_code, metric, period, period_start, procedure_code having sum(n) <> 0
                    order by unit_code, metric, period, period_start, procedure_code""")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getDate(4) + "|"
                            + rs.getString(5) + "|" + rs.getLong(6));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select unit_code, year, applicant_hash, months from adult_applicant order by unit_code, year, applicant_hash""")) {
                while (rs.next()) {
                    rows.add("applicant|" + rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|" + rs.getInt(4));
                }
            }
        }
        return rows;
    }

    /** The counters as a recount from the facts gives them, the counters themselves left as they were. */
    static List<String> recounted(AgroalDataSource dataSource, CounterRepository counters) throws SQLException {
        List<String> now = of(dataSource);
        List<String> recount;
        QuarkusTransaction.begin();
        try {
            counters.recount();
            recount = of(dataSource);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(of(dataSource)).as("the recount was rolled back").containsExactlyElementsOf(now);
        return recount;
    }
}
