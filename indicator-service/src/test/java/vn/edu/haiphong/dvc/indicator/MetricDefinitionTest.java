package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.indicator.domain.FactDay;
import vn.edu.haiphong.dvc.indicator.domain.Metric;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.testing.data.DataSet;

/**
 * Each metric is defined once ({@link Metric}): its rule on a fact counts incrementally, its SQL lists the
 * drill-downs, and the migrations' recount is SQL of its own. All three must count the same facts, metric by metric.
 */
@QuarkusTest
class MetricDefinitionTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CounterRepository counters;

    @Test
    void theCountersTheDrillDownsAndTheRecountCountTheSameFactsForEveryMetric() throws SQLException {
        DataSet data = new DataSet(83L, "MET", 300);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), data.root));

        Map<Metric, Long> bySql = bySql(data.root);
        assertThat(bySql.values()).as("the data set reaches every metric").allMatch(n -> n > 0);
        assertThat(byCounters(data.root)).as("incremental counters").containsExactlyInAnyOrderEntriesOf(bySql);

        QuarkusTransaction.begin();
        try {
            counters.recount();
            assertThat(byCounters(data.root)).as("recounted").containsExactlyInAnyOrderEntriesOf(bySql);
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    /** For the metrics of runs of days (r2): the day whose cut-off they are compared at. */
    private static final LocalDate CUT_OFF_DAY = LocalDate.of(2024, 6, 30);

    /** Per metric, the facts under the root that its SQL rule counts, on any day (runs of days: whose runs hold the day). */
    private Map<Metric, Long> bySql(String root) throws SQLException {
        Map<Metric, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Metric m : Metric.ADDITIVE) {
                String rule = m.day == FactDay.CUT_OFF ? m.runsColumn + " @> date '" + CUT_OFF_DAY + "'"
                        : "a." + m.day.column + " is not null and (" + m.sql + ")";
                try (PreparedStatement s = c.prepareStatement("with recursive scope(code) as (select code from unit_ref where code = ?"
                        + " union select u.code from unit_ref u join scope s on u.parent_code = s.code) select count(*) from "
                        + m.kind().table + " a where " + rule + " and a.unit_code in (select code from scope)")) {
                    s.setString(1, root);
                    counts.put(m, single(s));
                }
            }
        }
        return counts;
    }

    /** Per metric, the root's day counters added up (runs of days: up to the day compared at). */
    private Map<Metric, Long> byCounters(String root) throws SQLException {
        Map<Metric, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (Metric m : Metric.ADDITIVE) {
                try (PreparedStatement s = c.prepareStatement(
                        "select coalesce(sum(n), 0) from indicator_count where unit_code = ? and period = 'D' and metric = ?"
                                + (m.day == FactDay.CUT_OFF ? " and period_start <= date '" + CUT_OFF_DAY + "'" : ""))) {
                    s.setString(1, root);
                    s.setShort(2, m.code);
                    counts.put(m, single(s));
                }
            }
        }
        return counts;
    }

    private static long single(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
