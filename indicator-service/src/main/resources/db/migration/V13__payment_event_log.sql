-- r2 (issue 20): every payment event counted, with when it was counted, so that the live view of a closed report names
-- the late payments that moved it, as it names the late dossier events (dossier_event_log.logged_at, V11). Nothing
-- personal: a payment event carries none. Events counted before this migration are not listed: they were counted
-- before it shipped, with the closed reports (V11) it serves.
CREATE TABLE payment_event_log (
    transaction_id  VARCHAR(64) NOT NULL,
    event_id        VARCHAR(64) NOT NULL,
    type            VARCHAR(32) NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    logged_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (transaction_id, event_id)
);
CREATE INDEX payment_event_log_logged_idx ON payment_event_log (logged_at);
