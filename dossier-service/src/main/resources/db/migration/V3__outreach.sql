-- r2: outreach (CONTRACT sections 1 and 8): which units have a school broadcast system, and the broadcasts aired and
-- sessions held, stored as published (nothing personal in them).
ALTER TABLE unit ADD COLUMN broadcast_system BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE outreach_event (
    event_id      VARCHAR(64)  PRIMARY KEY,
    type          VARCHAR(32)  NOT NULL,
    unit_code     VARCHAR(64)  NOT NULL REFERENCES unit (code),
    occurred_at   TIMESTAMPTZ  NOT NULL,
    day           DATE         NOT NULL,   -- occurred_at's date on the department's clock (UTC+07:00)
    content_hash  CHAR(64)     NOT NULL,
    payload       TEXT         NOT NULL,
    accepted_at   TIMESTAMPTZ  NOT NULL
);
-- The list row 13 asks for: a scope's events of a period, newest first.
CREATE INDEX outreach_event_unit_day_idx ON outreach_event (unit_code, day, occurred_at DESC);
