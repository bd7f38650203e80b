package vn.edu.haiphong.dvc.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.UnitRecord;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.testing.data.DataSet;

/**
 * The counters the indicators are read from are kept incrementally, batch by batch; they must always be
 * what counting every fact again gives (dvc_recount()), and must follow the unit tree when it changes.
 */
@QuarkusTest
class CountersTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CounterRepository counters;

    @Test
    void incrementalCountersEqualARecountFromTheFacts() throws SQLException {
        DataSet data = new DataSet(77L, "CNT", 400);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root));

        List<String> incremental = snapshot();
        assertThat(incremental).as("counters were kept").anyMatch(row -> row.startsWith("CNT-S11|"));
        QuarkusTransaction.requiringNew().run(counters::recount);
        assertThat(snapshot()).containsExactlyElementsOf(incremental);
    }

    @Test
    void aRecountMendsCountersThatDriftedFromTheFacts() throws SQLException {
        DataSet data = new DataSet(79L, "DRF", 200);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root));
        List<String> right = snapshot();

        // Every kind of drift the recount writes back: a count changed, a count lost, a count that should not
        // be, and the same three for the applicants.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("""
                    update indicator_count set n = n + 5 where (unit_code, period, period_start, metric, procedure_code, shard) in (
                        select unit_code, period, period_start, metric, procedure_code, shard from indicator_count
                        where unit_code like 'DRF-%' and n > 0 order by 1, 2, 3, 4, 5, 6 limit 3)""")).isEqualTo(3);
            assertThat(s.executeUpdate("""
                    delete from indicator_count where (unit_code, period, period_start, metric, procedure_code, shard) in (
                        select unit_code, period, period_start, metric, procedure_code, shard from indicator_count
                        where unit_code like 'DRF-%' and period = 'M' and n > 0 order by 1, 2, 3, 4, 5 desc, 6 limit 2)""")).isEqualTo(2);
            s.executeUpdate("insert into indicator_count (unit_code, metric, period, period_start, procedure_code, shard, n)"
                    + " values ('DRF-NOWHERE', 1, 'D', date '2024-03-03', '', 2, 7)");
            assertThat(s.executeUpdate("""
                    update adult_applicant set months = months # 4095 where (unit_code, year, applicant_hash) in (
                        select unit_code, year, applicant_hash from adult_applicant where unit_code like 'DRF-%'
                        order by 1, 2, 3 limit 2)""")).isEqualTo(2);
            assertThat(s.executeUpdate("""
                    delete from adult_applicant where (unit_code, year, applicant_hash) in (
                        select unit_code, year, applicant_hash from adult_applicant where unit_code like 'DRF-%'
                        order by 1, 2, 3 desc limit 2)""")).isEqualTo(2);
            s.executeUpdate("insert into adult_applicant values ('DRF-NOWHERE', 2024, 'not-an-applicant', 1)");
        }
        assertThat(snapshot()).isNotEqualTo(right);

        QuarkusTransaction.requiringNew().run(counters::recount);
        assertThat(snapshot()).containsExactlyElementsOf(right);
        Indicators.assertExact(FROM, TO, data.root);
    }

    @Test
    void aUnitMovedToAnotherParentTakesItsCountsWithIt() {
        DataSet data = new DataSet(78L, "MOV", 300);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.districts.get(0)));

        // The first district's first school now belongs to the second district.
        String school = data.schools.get(0);
        UnitRecord before = Published.LEDGER.unit(school);
        Published.send(List.of(new UnitRecord(school, before.name(), before.type(), data.districts.get(1), before.adultPopulation())));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.districts.get(0)) && Indicators.matches(FROM, TO, data.districts.get(1)));
        for (String unit : List.of(data.districts.get(0), data.districts.get(1), data.root, school)) {
            Indicators.assertExact(FROM, TO, unit);
            Indicators.assertExact(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 5, 20), unit);
        }
    }

    @Test
    void aMovedDistrictTakesItsSchoolsAndApplicantsWithItExactlyAsARecountWould() throws SQLException {
        DataSet data = new DataSet(80L, "MVD", 300);
        Published.send(data.shuffledWithDuplicates());
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root));
        assertThat(applicantsOf(data.districts.get(1))).as("the district to move counts adult applicants").isPositive();

        // The second district (with its schools) now sits under the first; then a school of the first district is
        // taken out of the tree's top (no parent at all), then given back.
        UnitRecord district = Published.LEDGER.unit(data.districts.get(1));
        Published.send(List.of(new UnitRecord(district.code(), district.name(), district.type(), data.districts.get(0),
                district.adultPopulation())));
        awaitExact(data, data.districts.get(0), data.districts.get(1));
        assertThat(snapshot()).as("moved incrementally, as a recount gives").containsExactlyElementsOf(recounted());

        String school = data.schools.get(0);
        UnitRecord before = Published.LEDGER.unit(school);
        Published.send(List.of(new UnitRecord(school, before.name(), before.type(), null, before.adultPopulation())));
        awaitExact(data, data.districts.get(0), school);
        assertThat(snapshot()).containsExactlyElementsOf(recounted());
        Published.send(List.of(before));
        awaitExact(data, data.districts.get(0), school);
        assertThat(snapshot()).containsExactlyElementsOf(recounted());
        for (String unit : List.of(data.root, data.districts.get(0), data.districts.get(1), school)) {
            Indicators.assertExact(FROM, TO, unit);
            Indicators.assertExact(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 6, 30), unit);
        }
    }

    private static void awaitExact(DataSet data, String... units) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root)
                        && java.util.Arrays.stream(units).allMatch(u -> Indicators.matches(FROM, TO, u)));
    }

    private List<String> recounted() throws SQLException {
        return CounterSnapshot.recounted(dataSource, counters);
    }

    private long applicantsOf(String unit) throws SQLException {
        try (Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("select count(*) from adult_applicant where unit_code = ?")) {
            s.setString(1, unit);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> snapshot() throws SQLException {
        return CounterSnapshot.of(dataSource);
    }
}
