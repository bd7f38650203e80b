package vn.edu.haiphong.dvc.indicator;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import vn.edu.haiphong.dvc.contract.DossierEvent;
import vn.edu.haiphong.dvc.contract.PaymentEvent;
import vn.edu.haiphong.dvc.indicator.repository.CounterRepository;
import vn.edu.haiphong.dvc.indicator.service.FactUpdater;
import vn.edu.haiphong.dvc.indicator.service.Received;
import vn.edu.haiphong.dvc.testing.data.DataSet;

/**
 * A rebuild from the topics counts the facts batch by batch and the counters once, at its end (migration V16): while a
 * recount is pending, batches leave the counters alone; once this instance may (it is not rebuilding, or has read
 * everything the rebuild had to read), every counter is counted from the facts, whether events still come or not.
 */
@QuarkusTest
class DeferredRecountTest {

    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CounterRepository counters;

    @Inject
    FactUpdater updater;

    @Test
    void whileARecountIsPendingBatchesChangeTheFactsAndNotTheCounters() throws SQLException {
        DataSet data = new DataSet(83L, "DFA", 60);
        Published.send(data.reference);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> number("select count(*) from unit_ref where code like 'DFA-%'") == data.districts.size() + data.schools.size() + 1);
        List<Received> batch = new ArrayList<>();
        data.events.forEach(e -> {
            if (e instanceof DossierEvent d) {
                batch.add(new Received.Dossier(d));
            } else if (e instanceof PaymentEvent p) {
                batch.add(new Received.Payment(p));
            }
        });
        // The tree held shared, as by a batch that has not yet committed: nothing can count the counters again meanwhile.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("select dvc_lock_tree(false)");
            }
            update("update counter_state set recount_pending = true, pending_since = now() where id = 1");
            assertThat(updater.count(batch, (short) 1)).as("events counted into the facts").isEqualTo(batch.size());
            assertThat(number("select count(*) from dossier_fact where unit_code like 'DFA-%'")).isEqualTo(60);
            assertThat(number("select count(*) from dossier_event_log where dossier_code like 'DFA-%'")).as("the timelines kept")
                    .isEqualTo(batch.stream().filter(r -> r instanceof Received.Dossier).count());
            assertThat(number("select count(*) from indicator_count where unit_code like 'DFA-%'")).as("counters left alone").isZero();
            assertThat(number("select count(*) from adult_applicant where unit_code like 'DFA-%'")).isZero();
            holder.rollback();
        }
        // Counted as if sent (the expected figures are computed from what was sent).
        data.events.forEach(Published.LEDGER::remember);
        // Then, this instance not rebuilding, it counts them from the facts: the batch's events with them.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> !counters.recountPending());
        assertThat(number("select count(*) from indicator_count where unit_code like 'DFA-%' and n <> 0")).isPositive();
        assertThat(CounterSnapshot.of(dataSource)).containsExactlyElementsOf(CounterSnapshot.recounted(dataSource, counters));
        awaitExact(data);
    }

    @Test
    void countersARebuildLeftWaitingAreCountedWithoutAnotherEvent() throws SQLException {
        DataSet data = new DataSet(89L, "DFB", 150);
        Published.send(data.shuffledWithDuplicates());
        awaitExact(data);
        List<String> right = CounterSnapshot.of(dataSource);
        leaveWaiting("DFB-%");
        assertThat(CounterSnapshot.of(dataSource)).as("counters gone").isNotEqualTo(right);

        // No event comes: the instance (not rebuilding) counts them once it has been idle a while. While the recount
        // waits (here for the tree, held shared as by a batch), the operator is told the numbers are not the figures yet.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("select dvc_lock_tree(false)");
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> given().get("/q/metrics").then().statusCode(200).body(containsString("dvc_indicator_counters_waiting 1.0")));
            given().get("/q/health/live").then().statusCode(200)
                    .body("checks.find { it.name == 'Event consumer' }.data.countersWaitingForRecount", equalTo(true));
            assertThat(counters.recountPending()).as("still pending while the tree is held").isTrue();
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> !counters.recountPending());
        assertThat(CounterSnapshot.of(dataSource)).containsExactlyElementsOf(right);
        awaitExact(data);
        given().get("/q/metrics").then().statusCode(200).body(containsString("dvc_indicator_counters_waiting 0.0"));
        given().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'Event consumer' }.data.countersWaitingForRecount", equalTo(false));
    }

    @Test
    void countersARebuildLeftWaitingAreCountedAfterTheNextBatch() throws SQLException {
        DataSet first = new DataSet(97L, "DFC", 150);
        Published.send(first.shuffledWithDuplicates());
        awaitExact(first);
        leaveWaiting("DFC-%");

        DataSet next = new DataSet(101L, "DFD", 100);
        Published.send(next.shuffledWithDuplicates());
        awaitExact(next);
        awaitExact(first);
        assertThat(counters.recountPending()).isFalse();
        assertThat(CounterSnapshot.of(dataSource)).containsExactlyElementsOf(CounterSnapshot.recounted(dataSource, counters));
    }

    /** As a rebuild stopped midway leaves them: these units' counters gone, a recount pending (ConsumerState.forgetEverything). */
    private void leaveWaiting(String units) {
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                update("select dvc_lock_tree(true)");
                update("delete from indicator_count where unit_code like '" + units + "'");
                update("delete from adult_applicant where unit_code like '" + units + "'");
                update("update counter_state set recount_pending = true, pending_since = now() where id = 1");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(counters.recountPending()).isTrue();
    }

    private static void awaitExact(DataSet data) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Indicators.matches(FROM, TO, data.root) && data.districts.stream().allMatch(u -> Indicators.matches(FROM, TO, u)));
    }

    private void update(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
