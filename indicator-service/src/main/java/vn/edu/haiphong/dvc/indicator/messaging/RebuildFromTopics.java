package vn.edu.haiphong.dvc.indicator.messaging;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import vn.edu.haiphong.dvc.contract.Topics;
import vn.edu.haiphong.dvc.indicator.repository.ConsumerState;

/**
 * Rebuilds this service's state from the topics: started once with {@code DVC_INDICATOR_REBUILD=true}
 * (every other instance stopped), it empties the facts and counters and reads every topic again from its beginning.
 * The facts come out the same, since they depend only on the events (the event topics keep every event,
 * {@code retention.ms=-1}). Done on the first partition assignment, before any record is read, and only
 * when this instance holds every partition: another member would go on from its committed offsets.
 * Restarting with the flag still set simply starts the rebuild over.
 */
@ApplicationScoped
@Identifier(RebuildFromTopics.NAME)
public class RebuildFromTopics implements KafkaConsumerRebalanceListener {

    public static final String NAME = "indicator-rebuild";
    private static final Logger LOG = Logger.getLogger(RebuildFromTopics.class);

    private final boolean requested;
    private final ConsumerState state;
    private final AtomicBoolean done = new AtomicBoolean();

    public RebuildFromTopics(@ConfigProperty(name = "dvc.indicator.rebuild", defaultValue = "false") boolean requested,
            ConsumerState state) {
        this.requested = requested;
        this.state = state;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!requested || done.get()) {
            return;
        }
        long all = EventConsumer.TOPICS.stream().mapToLong(topic -> {
            var infos = consumer.partitionsFor(topic);
            return infos == null ? 0 : infos.size();
        }).sum();
        if (partitions.size() < all) {
            LOG.errorf("Rebuild refused: this instance holds %d of the %d partitions; stop every other indicator-service "
                    + "instance and start this one again with DVC_INDICATOR_REBUILD=true", partitions.size(), all);
            return;
        }
        QuarkusTransaction.requiringNew().run(state::forgetEverything);
        consumer.seekToBeginning(partitions);
        done.set(true);
        LOG.infof("Rebuilding the facts from the beginning of %d partitions", partitions.size());
    }
}
