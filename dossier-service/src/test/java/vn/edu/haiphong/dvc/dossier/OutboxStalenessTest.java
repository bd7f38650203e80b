package vn.edu.haiphong.dvc.dossier;

import static vn.edu.haiphong.dvc.dossier.Fixtures.post;
import static vn.edu.haiphong.dvc.dossier.Fixtures.unique;

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

    @Test
    void aBacklogOlderThanStaleAfterTakesReadinessDownButNotRoutingAndClearsOnceRelayed() throws Exception {
        Fixtures.Scope scope = Fixtures.Scope.create();
        OutboxChecks.assertStaleBacklogTakesReadinessDownButNotRoutingAndClearsOnceRelayed(bootstrapServers,
                Topics.DOSSIER_EVENTS, () -> post(scope.event("SUBMITTED", unique("HS"))).statusCode(202));
    }
}
