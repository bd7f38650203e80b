package vn.edu.haiphong.dvc.indicator;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import vn.edu.haiphong.dvc.testing.KafkaTestResource;
import vn.edu.haiphong.dvc.testing.PostgresTestResource;

/** A real Kafka broker (KRaft) in this JVM and a fresh PostgreSQL database for the tests of this module. */
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "indicator"))
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
