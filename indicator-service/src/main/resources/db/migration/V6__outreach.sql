-- r2: outreach (appendix rows 12 and 13; CONTRACT section 8). Broadcasts aired and sessions held, one row per event,
-- as dossier-service published them on dvc.outreach-events; and which units have a school broadcast system.

ALTER TABLE unit_ref ADD COLUMN broadcast_system BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE outreach_fact (
    event_id          VARCHAR(64)   PRIMARY KEY,
    type              VARCHAR(32)   NOT NULL,          -- BROADCAST_AIRED | SESSION_HELD
    unit_code         VARCHAR(64)   NOT NULL,
    occurred_at       TIMESTAMPTZ   NOT NULL,
    day               DATE          NOT NULL,          -- occurred_at's date on the department's clock (UTC+07:00)
    week              DATE          NOT NULL,          -- the Monday of day's Monday-Sunday week
    title             VARCHAR(200)  NOT NULL,
    duration_seconds  INTEGER,                         -- BROADCAST_AIRED
    audience          VARCHAR(16),                     -- SESSION_HELD
    participants      INTEGER,                         -- SESSION_HELD
    applied_at        TIMESTAMPTZ   NOT NULL
);
-- A unit's own events by type and time: the weeks of weekly-broadcasts, the sessions of 17, a school's list.
CREATE INDEX outreach_fact_unit_idx ON outreach_fact (unit_code, type, day);
CREATE INDEX outreach_fact_day_idx ON outreach_fact (day);

-- The plan of 2024 names the outreach indicators: row 13 asks every broadcast system to air every week (100%);
-- row 12 has no target.
UPDATE plan SET targets = (CAST(targets AS JSONB) || '{"weekly-broadcasts": 100, "schools-with-outreach-sessions": null}')::TEXT
WHERE year = 2024;
