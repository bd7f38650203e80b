package vn.edu.haiphong.dvc.infra;

import java.nio.file.Path;
import java.util.Set;

/**
 * Runs a {@link KafkaBroker} until the process gets SIGTERM or SIGINT.
 *
 * <p>Prints {@code READY <bootstrap servers>} on stdout once clients can connect, so that a script can wait
 * for that line. Exits with 2 when the port is taken.
 */
public final class LocalKafkaMain {

    static final String USAGE = "Usage: LocalKafkaMain [--port N (default 0: any free port)]"
            + " [--data-dir DIR (default: a temporary directory deleted on exit)]";

    private LocalKafkaMain() {
    }

    public static void main(String[] args) {
        Cli.useJbossLogManager();
        Cli cli = Cli.parse(args, Set.of("port", "data-dir"), USAGE);
        int port = cli.port(USAGE);
        Path dataDir = cli.path("data-dir");
        Cli.exitIfPortInUse(port, "the Kafka broker");

        KafkaBroker broker;
        try {
            // As in production: topics are created by the services that own them (partitions, compaction), never
            // by a consumer that subscribes first.
            broker = KafkaBroker.start(port, dataDir, java.util.Map.of("auto.create.topics.enable", "false"));
        } catch (RuntimeException e) {
            if (Cli.causedByBind(e)) {
                Cli.exitPortInUse(port, "the Kafka broker");
            }
            e.printStackTrace();
            Cli.exit(Cli.EXIT_FAILURE, "The Kafka broker did not start: " + e.getMessage());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-shutdown"));
        System.out.println("READY " + broker.bootstrapServers());
        System.out.flush();
        Cli.blockUntilShutdown();
    }
}
