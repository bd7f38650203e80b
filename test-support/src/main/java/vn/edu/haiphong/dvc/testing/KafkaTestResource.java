package vn.edu.haiphong.dvc.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.edu.haiphong.dvc.infra.KafkaBroker;

/**
 * A real Kafka broker (KRaft, in this JVM) for {@code @QuarkusTest}s:
 * {@code @WithTestResource(KafkaTestResource.class)} sets {@code kafka.bootstrap.servers}.
 * ({@code @QuarkusTestResource} works too but, unless restricted, applies to every test class.)
 *
 * <p>There is one broker per JVM, started on first use and reused by every test class; a shutdown hook
 * stops it and deletes its data when the JVM ends, so {@link #stop()} does nothing. Topics therefore
 * outlive a test class: give each test its own topic or consumer group when that matters. A test that
 * stopped the broker and failed before restarting it does not break the next class, whose start restarts it.
 *
 * <p>To take the broker away during a test use {@link Broker#stop()} and {@link Broker#restart()}; they work
 * from any class loader. Quarkus loads tests in class loaders of its own, so the broker is started in the
 * system class loader and its controls are published as the platform MBean
 * {@code vn.edu.haiphong.dvc.testing:type=KafkaTestBroker}, which needs JDK types only. (Not as objects in
 * {@link System#getProperties()}: Narayana, started by every Quarkus datasource application, copies the
 * system properties and fails on a value that is not a String.) The address is also the system property
 * {@value #BOOTSTRAP_PROPERTY}.
 *
 * <p>Turn the broker's logging down in the service's test profile, e.g.
 * {@code %test.quarkus.log.category."org.apache.kafka".level=WARN} (and the same for {@code kafka} and
 * {@code state.change.logger}), and disable Dev Services, which need Docker.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOOTSTRAP_PROPERTY = "dvctest.kafka.bootstrap";

    @Override
    public Map<String, String> start() {
        String bootstrap = (String) JvmWide.call(KafkaHolder.class, "ensureRunning");
        return Map.of("kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // The broker is shared by every test class in the JVM; the shutdown hook ends it.
    }

    /**
     * The JVM's broker, started if needed. Only usable where this class and the broker share a class loader,
     * as in plain JUnit tests; inside a {@code @QuarkusTest} use {@link Broker} instead.
     *
     * @throws IllegalStateException when the broker lives in another class loader
     */
    public static KafkaBroker broker() {
        KafkaBroker broker = JvmWide.holder(KafkaHolder.class) == KafkaHolder.class ? KafkaHolder.broker() : null;
        if (broker == null) {
            throw new IllegalStateException("the test broker lives in another class loader than this test;"
                    + " use Broker.stop(), Broker.restart() and Broker.bootstrapServers()");
        }
        return broker;
    }
}
