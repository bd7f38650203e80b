package vn.edu.haiphong.dvc.payment;

import static vn.edu.haiphong.dvc.payment.Fixtures.post;
import static vn.edu.haiphong.dvc.payment.Fixtures.unique;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.testing.OutboxChecks;

/** An outbox Kafka does not take is what an operator sees, not what routing sees (see {@link OutboxChecks}). */
@QuarkusTest
@TestProfile(OutboxChecks.StaleAfterOneSecond.class)
class OutboxStalenessTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    @Test
    void aBacklogOlderThanStaleAfterTakesReadinessDownButNotRoutingAndClearsOnceRelayed() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create(dataSource);
        OutboxChecks.assertStaleBacklogTakesReadinessDownButNotRoutingAndClearsOnceRelayed(bootstrapServers,
                Topics.PAYMENT_EVENTS, () -> post(scope.paid(unique("TX"), unique("HS"), 50_000, "NATIONAL_PORTAL")).statusCode(202));
    }
}
