-- The age of the oldest unsent message, read every few seconds for the staleness gauge and readiness check:
-- min(created_at) over this partial index reads one entry, however long the backlog. (Numbered after the
-- services' own V1, so that a database migrated before it takes it in order.)
CREATE INDEX outbox_message_unsent_created_idx ON outbox_message (created_at) WHERE sent_at IS NULL;
