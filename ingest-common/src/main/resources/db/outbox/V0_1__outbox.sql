-- Transactional outbox: written in the transaction that accepts the change, relayed to Kafka after.
CREATE SEQUENCE outbox_message_seq INCREMENT BY 50;
CREATE TABLE outbox_message (
    id           BIGINT       PRIMARY KEY,
    topic        VARCHAR(255) NOT NULL,
    message_key  VARCHAR(255) NOT NULL,
    payload      TEXT         NOT NULL,
    ce_id        VARCHAR(128) NOT NULL,
    ce_type      VARCHAR(255) NOT NULL,
    ce_time      TIMESTAMPTZ  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    sent_at      TIMESTAMPTZ
);
CREATE INDEX outbox_message_unsent_idx ON outbox_message (id) WHERE sent_at IS NULL;
CREATE INDEX outbox_message_sent_idx ON outbox_message (sent_at) WHERE sent_at IS NOT NULL;
