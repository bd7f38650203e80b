package vn.edu.haiphong.dvc.testing;

import java.util.Map;
import java.util.function.Supplier;

import vn.edu.haiphong.dvc.infra.KafkaBroker;

/**
 * Starts the JVM's one test broker. Called through {@link JvmWide}, so that the copy of this class in the
 * system class loader normally holds it; other loaders reach it through {@link Control#KAFKA}.
 */
final class KafkaHolder {

    private static KafkaBroker broker;

    private KafkaHolder() {
    }

    /** Starts the broker on first use, starts it again if a test left it stopped, and returns its address. */
    static synchronized String ensureRunning() {
        if (broker == null && Control.isRegistered(Control.KAFKA)) {
            // Another class loader's copy of this class owns the broker.
            Control.invoke(Control.KAFKA, "ensureRunning");
            return Control.attribute(Control.KAFKA, "BootstrapServers");
        }
        if (broker == null) {
            KafkaBroker started = KafkaBroker.start(0, null);
            Map<String, Supplier<String>> attributes = Map.of(
                    "BootstrapServers", started::bootstrapServers,
                    "Running", () -> Boolean.toString(started.isRunning()));
            Map<String, Runnable> operations = Map.of(
                    "stop", started::stop,
                    "restart", started::restart,
                    "ensureRunning", KafkaHolder::restartIfStopped);
            if (!Control.register(Control.KAFKA, attributes, operations)) {
                started.close();
                return ensureRunning();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "dvc-test-kafka-shutdown"));
            // A String, unlike the controls, is safe in the system properties; it lets anything read the address.
            System.setProperty(KafkaTestResource.BOOTSTRAP_PROPERTY, started.bootstrapServers());
            broker = started;
        }
        restartIfStopped();
        return broker.bootstrapServers();
    }

    /** The broker, if this copy of the class started it. */
    static synchronized KafkaBroker broker() {
        ensureRunning();
        return broker;
    }

    private static synchronized void restartIfStopped() {
        if (broker != null && !broker.isRunning()) {
            broker.restart();
        }
    }
}
