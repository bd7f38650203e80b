package vn.edu.haiphong.dvc.payment;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.edu.haiphong.dvc.testing.KafkaTestResource;
import vn.edu.haiphong.dvc.testing.PostgresTestResource;

/**
 * The real infrastructure every test of this module runs against: a Kafka broker (KRaft) in this JVM, a
 * fresh PostgreSQL database, and an address for a stand-in dossier-service that tests start and stop.
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "payment"))
@QuarkusTestResource(DossierServiceStub.Address.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
