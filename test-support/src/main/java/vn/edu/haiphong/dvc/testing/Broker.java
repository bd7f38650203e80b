package vn.edu.haiphong.dvc.testing;

/**
 * Controls the JVM's test broker from any class loader, including a {@code @QuarkusTest}'s: e.g. stop it,
 * check that the service copes, then restart it on the same address with its topics and messages intact.
 *
 * <p>Requires {@link KafkaTestResource} to have started the broker.
 */
public final class Broker {

    private Broker() {
    }

    /** Shuts the broker down cleanly; its address and data are kept for {@link #restart()}. */
    public static void stop() {
        Control.invoke(Control.KAFKA, "stop");
    }

    /** Starts the broker again on the same address, with the same topics and messages. */
    public static void restart() {
        Control.invoke(Control.KAFKA, "restart");
    }

    /** Whether the broker currently accepts connections. */
    public static boolean isRunning() {
        return Boolean.parseBoolean(Control.attribute(Control.KAFKA, "Running"));
    }

    /** The broker's address, e.g. {@code localhost:40123}; the same before and after a restart. */
    public static String bootstrapServers() {
        return Control.attribute(Control.KAFKA, "BootstrapServers");
    }
}
