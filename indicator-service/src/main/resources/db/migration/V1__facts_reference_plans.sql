-- The reference data, copied from dossier-service's compacted topics.
CREATE TABLE unit_ref (
    code              VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(500) NOT NULL,
    type              VARCHAR(32)  NOT NULL,
    parent_code       VARCHAR(64),
    adult_population  BIGINT,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX unit_ref_parent_idx ON unit_ref (parent_code);

CREATE TABLE procedure_ref (
    code                        VARCHAR(64)   PRIMARY KEY,
    name                        VARCHAR(1000) NOT NULL,
    field                       VARCHAR(500),
    eligible_fully_online       BOOLEAN       NOT NULL,
    provided_fully_online       BOOLEAN       NOT NULL,
    integrated_national_portal  BOOLEAN       NOT NULL,
    fee_bearing                 BOOLEAN       NOT NULL,
    updated_at                  TIMESTAMPTZ   NOT NULL
);

-- Every event that changed the facts, recorded in the same transaction: a redelivery is a no-op.
CREATE TABLE processed_event (
    topic         VARCHAR(64) NOT NULL,
    event_id      VARCHAR(64) NOT NULL,
    processed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, event_id)
);

-- One row per dossier: what its events have said so far, whatever order they came in. Days are
-- calendar dates on the department's clock (UTC+07:00).
CREATE TABLE dossier_fact (
    dossier_code             VARCHAR(64) PRIMARY KEY,
    procedure_code           VARCHAR(64) NOT NULL,
    unit_code                VARCHAR(64) NOT NULL,
    submitted_at             TIMESTAMPTZ,
    submitted_day            DATE,
    channel                  VARCHAR(16),
    fully_online             BOOLEAN,
    applicant_hash           VARCHAR(64),
    applicant_adult_citizen  BOOLEAN,
    received_at              TIMESTAMPTZ,
    received_day             DATE,
    due_at                   TIMESTAMPTZ,
    dossier_digitized        BOOLEAN NOT NULL DEFAULT FALSE,
    result_issued_at         TIMESTAMPTZ,
    result_day               DATE,
    result_digitized         BOOLEAN NOT NULL DEFAULT FALSE,
    result_synced            BOOLEAN NOT NULL DEFAULT FALSE,
    withdrawn                BOOLEAN NOT NULL DEFAULT FALSE,
    rating                   SMALLINT,
    rated_at                 TIMESTAMPTZ,
    rating_event_id          VARCHAR(64),
    rating_day               DATE,
    updated_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX dossier_fact_submitted_idx ON dossier_fact (submitted_day, unit_code);
CREATE INDEX dossier_fact_received_idx ON dossier_fact (received_day, unit_code);
CREATE INDEX dossier_fact_result_idx ON dossier_fact (result_day, unit_code);
CREATE INDEX dossier_fact_rating_idx ON dossier_fact (rating_day, unit_code);

-- One row per payment transaction.
CREATE TABLE payment_fact (
    transaction_id  VARCHAR(64) PRIMARY KEY,
    dossier_code    VARCHAR(64) NOT NULL,
    procedure_code  VARCHAR(64) NOT NULL,
    unit_code       VARCHAR(64) NOT NULL,
    paid_at         TIMESTAMPTZ,
    paid_day        DATE,
    method          VARCHAR(32),
    amount          BIGINT,
    refunded        BOOLEAN NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_fact_paid_idx ON payment_fact (paid_day, unit_code);

-- Targets per year: indicator id -> percentage (JSON object; null for "no target").
CREATE TABLE plan (
    year        INTEGER     PRIMARY KEY,
    targets     TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
-- The 2024 plan of the department (shared/seed), built in.
INSERT INTO plan (year, targets, updated_at) VALUES (2024, '{"procedures-fully-online":100,"fully-online-on-national-portal":80,"online-submission":50,"fully-online-dossiers":90,"dossier-digitization":90,"result-digitization":100,"dossiers-in-system":100,"results-synced":100,"online-payments":45,"cashless-payments":null,"fee-procedures-paid-online":80,"adult-online-users":60,"on-time-results":null,"satisfaction":null}', now());
