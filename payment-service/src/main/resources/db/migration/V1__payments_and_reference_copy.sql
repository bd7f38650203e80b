-- A local copy of dossier-service's reference data, fed by the compacted reference topics (and by a
-- look-up on a miss), so that payments can be checked while dossier-service is down. No foreign keys:
-- a child unit may arrive before its parent.
CREATE TABLE unit_copy (
    code              VARCHAR(64)  PRIMARY KEY,
    name              VARCHAR(500) NOT NULL,
    type              VARCHAR(32)  NOT NULL,
    parent_code       VARCHAR(64),
    adult_population  BIGINT,
    updated_at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX unit_copy_parent_idx ON unit_copy (parent_code);

CREATE TABLE procedure_copy (
    code                        VARCHAR(64)   PRIMARY KEY,
    name                        VARCHAR(1000) NOT NULL,
    field                       VARCHAR(500),
    eligible_fully_online       BOOLEAN       NOT NULL,
    provided_fully_online       BOOLEAN       NOT NULL,
    integrated_national_portal  BOOLEAN       NOT NULL,
    fee_bearing                 BOOLEAN       NOT NULL,
    updated_at                  TIMESTAMPTZ   NOT NULL
);

-- One row per transaction: fixes its dossier, procedure and unit (set by the first event that arrives),
-- serialises concurrent events of one transaction, and holds its PAID and REFUNDED facts.
CREATE TABLE payment_transaction (
    transaction_id   VARCHAR(64) PRIMARY KEY,
    dossier_code     VARCHAR(64) NOT NULL,
    procedure_code   VARCHAR(64) NOT NULL,
    unit_code        VARCHAR(64) NOT NULL,
    amount           BIGINT      CHECK (amount > 0),
    method           VARCHAR(32),
    paid_event_id    VARCHAR(64),
    paid_at          TIMESTAMPTZ,
    refund_event_id  VARCHAR(64),
    refunded_at      TIMESTAMPTZ,
    refund_amount    BIGINT      CHECK (refund_amount > 0),
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX payment_transaction_dossier_idx ON payment_transaction (dossier_code);
CREATE INDEX payment_transaction_paid_at_idx ON payment_transaction (paid_at);

-- Every accepted event, as published.
CREATE TABLE payment_event (
    event_id        VARCHAR(64) PRIMARY KEY,
    transaction_id  VARCHAR(64) NOT NULL REFERENCES payment_transaction (transaction_id),
    type            VARCHAR(16) NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    content_hash    CHAR(64)    NOT NULL,
    payload         TEXT        NOT NULL,
    accepted_at     TIMESTAMPTZ NOT NULL,
    -- At most one PAID and one REFUNDED per transaction.
    UNIQUE (transaction_id, type)
);
