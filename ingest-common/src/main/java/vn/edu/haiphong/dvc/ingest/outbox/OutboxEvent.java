package vn.edu.haiphong.dvc.ingest.outbox;

import java.time.OffsetDateTime;

/**
 * What a committed change announces on Kafka (debezium's {@code ExportedEvent}): the record's topic, key and
 * value, and the CloudEvents attributes it travels with ({@code ce_id}, {@code ce_type}, {@code ce_time}; the
 * key is also its {@code ce_subject}).
 *
 * @param eventId the CloudEvents id consumers drop a redelivery by: an event's own {@code eventId}, or a fresh
 *        one for a reference record
 * @param cloudEventType e.g. {@code vn.edu.haiphong.dvc.dossier.SUBMITTED}
 * @param occurredAt when the announced change happened
 */
public record OutboxEvent(String topic, String key, String payload, String eventId, String cloudEventType,
        OffsetDateTime occurredAt) {
}
