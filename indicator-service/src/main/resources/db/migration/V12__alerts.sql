-- r2 (issue 20): a unit falling behind. alert_state holds each condition's last reading (so that an alert is raised once,
-- when it is crossed, by whichever instance checked first); alert is the feed, and the webhook's outbox.
CREATE TABLE alert_state (
    unit_code   VARCHAR(64) NOT NULL,
    -- TARGET (subject: an indicator's id) or OVERDUE (subject: 'overdue').
    kind        VARCHAR(16) NOT NULL,
    subject     VARCHAR(64) NOT NULL,
    alerting    BOOLEAN     NOT NULL,
    since       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (unit_code, kind, subject)
);

CREATE SEQUENCE alert_seq;
CREATE TABLE alert (
    id           BIGINT       PRIMARY KEY DEFAULT nextval('alert_seq'),
    raised_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    unit_code    VARCHAR(64)  NOT NULL,
    unit_name    VARCHAR(255) NOT NULL,
    -- BELOW_TARGET, BACK_ON_TARGET, OVERDUE_ABOVE_THRESHOLD, OVERDUE_BACK_UNDER
    type         VARCHAR(32)  NOT NULL,
    subject      VARCHAR(64)  NOT NULL,
    value        NUMERIC,
    target       NUMERIC,
    period_from  DATE         NOT NULL,
    period_to    DATE         NOT NULL,
    -- The webhook's delivery: null until the receiver answered 2xx.
    delivered_at TIMESTAMPTZ,
    attempts     INT          NOT NULL DEFAULT 0,
    last_error   TEXT
);
CREATE INDEX alert_undelivered_idx ON alert (id) WHERE delivered_at IS NULL;
CREATE INDEX alert_unit_idx ON alert (unit_code, id);
