-- Reference data owned by this service: the unit tree and the procedure catalogue.
CREATE TABLE unit (
    code              VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(500) NOT NULL,
    type              VARCHAR(32)  NOT NULL,
    parent_code       VARCHAR(64)  REFERENCES unit (code),
    adult_population  BIGINT       CHECK (adult_population >= 0),
    created_at        TIMESTAMPTZ  NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX unit_parent_idx ON unit (parent_code);

CREATE TABLE procedure (
    code                        VARCHAR(64)  PRIMARY KEY,
    name                        VARCHAR(1000) NOT NULL,
    field                       VARCHAR(500),
    eligible_fully_online       BOOLEAN      NOT NULL,
    provided_fully_online       BOOLEAN      NOT NULL,
    integrated_national_portal  BOOLEAN      NOT NULL,
    fee_bearing                 BOOLEAN      NOT NULL,
    created_at                  TIMESTAMPTZ  NOT NULL,
    updated_at                  TIMESTAMPTZ  NOT NULL
);

-- One row per dossier: fixes its procedure and unit (set by the first event that arrives), serves as
-- the lock that serialises concurrent events of one dossier, and holds the progress shown publicly.
CREATE TABLE dossier (
    code              VARCHAR(64) PRIMARY KEY,
    procedure_code    VARCHAR(64) NOT NULL REFERENCES procedure (code),
    unit_code         VARCHAR(64) NOT NULL REFERENCES unit (code),
    submitted_at      TIMESTAMPTZ,
    received_at       TIMESTAMPTZ,
    due_at            TIMESTAMPTZ,
    result_issued_at  TIMESTAMPTZ,
    withdrawn_at      TIMESTAMPTZ,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);

-- Every accepted event, as published (the applicant's id only as its keyed hash).
CREATE TABLE dossier_event (
    event_id      VARCHAR(64) PRIMARY KEY,
    dossier_code  VARCHAR(64) NOT NULL REFERENCES dossier (code),
    type          VARCHAR(32) NOT NULL,
    occurred_at   TIMESTAMPTZ NOT NULL,
    content_hash  CHAR(64)    NOT NULL,
    payload       TEXT        NOT NULL,
    accepted_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX dossier_event_dossier_idx ON dossier_event (dossier_code);
-- The contract allows one event of each type per dossier, except ratings.
CREATE UNIQUE INDEX dossier_event_one_per_type ON dossier_event (dossier_code, type) WHERE type <> 'RATED';
