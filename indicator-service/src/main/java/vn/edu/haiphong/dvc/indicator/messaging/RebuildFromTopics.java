package vn.edu.haiphong.dvc.indicator.messaging;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
 * <p>
 * The counters are not moved batch by batch while it runs (migration V16): once this instance has read every partition
 * up to where it ended when the rebuild began, {@link EventConsumer} has them counted once from the facts. An instance
 * that is not rebuilding counts them at once if it finds them waiting (a rebuild stopped midway, then started without
 * the flag): {@link #mayRecount()}.
 */
@ApplicationScoped
@Identifier(RebuildFromTopics.NAME)
public class RebuildFromTopics implements KafkaConsumerRebalanceListener {

    public static final String NAME = "indicator-rebuild";
    private static final Logger LOG = Logger.getLogger(RebuildFromTopics.class);

    private final boolean requested;
    private final ConsumerState state;
    private final AtomicBoolean done = new AtomicBoolean();
    /** Where the partitions ended when the rebuild began, and how far they are read; null until it began. */
    private RebuildEnds ends;
    private boolean refused;

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
            synchronized (this) {
                refused = true;
            }
            return;
        }
        QuarkusTransaction.requiringNew().run(state::forgetEverything);
        consumer.seekToBeginning(partitions);
        RebuildEnds end = new RebuildEnds(consumer.endOffsets(partitions));
        synchronized (this) {
            ends = end;
            refused = false;
        }
        done.set(true);
        LOG.infof("Rebuilding the facts from the beginning of %d partitions (up to %d offsets in all); the counters are counted once at the end",
                partitions.size(), end.offsets());
    }

    /** Notes how far a batch has read each of its partitions. */
    public synchronized void read(ConsumerRecords<?, ?> records) {
        if (ends != null) {
            ends.read(records);
        }
    }

    /**
     * Whether counters left waiting for a recount may be counted now: always, unless this instance was started to
     * rebuild and has not yet read every partition up to where it ended when the rebuild began (or has not begun it).
     */
    public synchronized boolean mayRecount() {
        if (!requested || refused) {
            return true;
        }
        if (ends == null) {
            return false;
        }
        return ends.reached();
    }
}
