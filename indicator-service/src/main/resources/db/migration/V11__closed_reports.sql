-- r2 (issue 20): plan reports closed as sent, kept for ever (a rebuild from the topics leaves them alone), and when each
-- counted dossier event was logged, so that the live view of a closed year names the late events that moved it.
CREATE TABLE closed_report (
    year         INT          NOT NULL,
    -- '' for the report over every unit.
    unit_code    VARCHAR(64)  NOT NULL,
    period_from  DATE         NOT NULL,
    period_to    DATE         NOT NULL,
    closed_at    TIMESTAMPTZ  NOT NULL,
    closed_by    VARCHAR(255) NOT NULL,
    -- Each indicator's numerator, denominator, value and target as the report gave them.
    figures      JSONB        NOT NULL,
    -- The files as they were downloadable at closing, byte for byte, and their names.
    xlsx         BYTEA        NOT NULL,
    csv          BYTEA        NOT NULL,
    pdf          BYTEA        NOT NULL,
    filenames    JSONB        NOT NULL,
    PRIMARY KEY (year, unit_code)
);

-- Events logged before this migration have no time: they were all counted before any report could be closed.
ALTER TABLE dossier_event_log ADD COLUMN logged_at TIMESTAMPTZ;
ALTER TABLE dossier_event_log ALTER COLUMN logged_at SET DEFAULT now();
CREATE INDEX dossier_event_log_logged_idx ON dossier_event_log (logged_at);
