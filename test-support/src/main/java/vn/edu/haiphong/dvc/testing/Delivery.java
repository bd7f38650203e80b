package vn.edu.haiphong.dvc.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/** What the outbox delivered: the messages of given events on a topic, and those still waiting. */
public final class Delivery {

    private Delivery() {
    }

    /**
     * Reads the topic until every event is there, then a few polls more for any late copy.
     *
     * @return the messages of these events (by {@code ce_id}), every copy of each
     */
    public static List<TopicReader.Message> onTopic(String topic, Set<String> eventIds, Duration within) {
        try (TopicReader reader = new TopicReader(Broker.bootstrapServers(), topic)) {
            await().atMost(within).until(() -> only(reader.poll(), eventIds).stream()
                    .map(m -> m.headers().get("ce_id")).collect(Collectors.toSet()).size() == eventIds.size());
            List<TopicReader.Message> messages = List.of();
            for (int i = 0; i < 6; i++) {
                messages = only(reader.poll(), eventIds); // half a second each
            }
            return messages;
        }
    }

    /** How many copies of each event the messages hold. */
    public static Map<String, Long> copies(List<TopicReader.Message> messages) {
        return messages.stream().collect(Collectors.groupingBy(m -> m.headers().get("ce_id"), Collectors.counting()));
    }

    /** How many of these events wait in the service's outbox, accepted but not yet acknowledged by Kafka. */
    public static long unsent(DataSource dataSource, Collection<String> eventIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select count(*) from outbox_message where sent_at is null and ce_id = any(?)")) {
            s.setArray(1, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<TopicReader.Message> only(List<TopicReader.Message> messages, Set<String> eventIds) {
        return messages.stream().filter(m -> eventIds.contains(m.headers().get("ce_id"))).toList();
    }
}
