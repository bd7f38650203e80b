package vn.edu.haiphong.dvc.dossier;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.edu.haiphong.dvc.testing.KafkaTestResource;
import vn.edu.haiphong.dvc.testing.PostgresTestResource;

/**
 * The real infrastructure every test of this module runs against: a Kafka broker (KRaft) in this JVM
 * and a fresh PostgreSQL database (embedded, or the server named by DVC_TEST_DATABASE_URL).
 */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "dossier"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
