-- Counters: what the indicators are read from. The facts stay the source of truth; the counters are
-- derived from them in the same transaction that changes them (FactUpdater, incrementally), or all at
-- once by dvc_recount() below (this migration's backfill, a change of the unit tree, a bulk load).
--
-- A counter is the number of facts with one property (a metric, Metric.java) whose day falls in a
-- period, for a unit: every fact counts for its own unit, for each unit above it, and for '' (every
-- unit). Periods are days ('D') and months ('M') for the additive metrics, so that a year is twelve rows
-- and any period its whole months and the days at its edges; the distinct adult applicants (metric 20)
-- are kept per month, quarter ('Q') and year ('Y').
-- procedure_code is '' except for the metrics whose indicator depends on the current catalogue.
CREATE TABLE indicator_count (
    unit_code       VARCHAR(64) NOT NULL,
    metric          SMALLINT    NOT NULL,
    period          CHAR(1)     NOT NULL,
    period_start    DATE        NOT NULL,
    procedure_code  VARCHAR(64) NOT NULL,
    n               BIGINT      NOT NULL,
    PRIMARY KEY (unit_code, period, period_start, metric, procedure_code)
) WITH (fillfactor = 70);  -- room on each page, so that moving a count is a HOT update, with no index write

-- The adult citizens who applied online, once per unit (and above) and year, with the months they
-- applied in (bit m-1 for month m): what makes their distinct count exact per month, quarter and year.
CREATE TABLE adult_applicant (
    unit_code       VARCHAR(64) NOT NULL,
    year            INTEGER     NOT NULL,
    applicant_hash  VARCHAR(64) NOT NULL,
    months          INTEGER     NOT NULL,
    PRIMARY KEY (unit_code, year, applicant_hash)
);

-- Bumped by every transaction that changes the facts, the reference data or a plan: readers know from it
-- whether anything changed. events_at: when the latest event was applied (what the dashboard's staleness
-- warning reads).
CREATE TABLE data_version (
    id          INTEGER     PRIMARY KEY,
    version     BIGINT      NOT NULL,
    changed_at  TIMESTAMPTZ NOT NULL,
    events_at   TIMESTAMPTZ
);
INSERT INTO data_version (id, version, changed_at, events_at) VALUES (1, 0, now(), (SELECT max(processed_at) FROM processed_event));

-- Every counter again from the facts: the definition that FactUpdater's incremental counting must
-- always agree with (CountersConsistencyTest checks that they do).
CREATE FUNCTION dvc_recount() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    started TIMESTAMPTZ := clock_timestamp();
BEGIN
    -- No counter moves while they are counted again: a writer still moving them commits first (and its facts
    -- are then in what is read below), a writer after waits and moves the new counts.
    LOCK TABLE indicator_count, adult_applicant IN EXCLUSIVE MODE;
    DROP TABLE IF EXISTS unit_up, leaf_count;
    -- Every unit a fact names, with itself, each unit above it as the tree stands now, and '' (every unit).
    CREATE TEMP TABLE unit_up ON COMMIT DROP AS
    WITH RECURSIVE leaf(code) AS (
        SELECT code FROM unit_ref
        UNION SELECT DISTINCT unit_code FROM dossier_fact
        UNION SELECT DISTINCT unit_code FROM payment_fact),
    up(unit_code, ancestor) AS (
        SELECT code, code FROM leaf
        UNION
        SELECT up.unit_code, r.parent_code FROM up JOIN unit_ref r ON r.code = up.ancestor WHERE r.parent_code IS NOT NULL)
    SELECT unit_code, ancestor FROM up
    UNION ALL SELECT code, '' FROM leaf;
    -- Temporary tables have no statistics until analyzed: without them the joins below go row by row.
    ANALYZE unit_up;
    RAISE DEBUG 'dvc_recount: units up, %', clock_timestamp() - started;

    -- The facts' contributions per unit, day, metric and procedure (Metric.java names the numbers).
    CREATE TEMP TABLE leaf_count ON COMMIT DROP AS
    SELECT f.unit_code, c.day, c.metric, c.procedure_code, count(*) AS n
    FROM dossier_fact f CROSS JOIN LATERAL (VALUES
        (1,  f.submitted_day, f.procedure_code, f.submitted_day IS NOT NULL),
        (2,  f.submitted_day, '', f.submitted_day IS NOT NULL AND f.channel = 'ONLINE'),
        (3,  f.submitted_day, f.procedure_code, f.submitted_day IS NOT NULL AND f.fully_online),
        (4,  f.submitted_day, '', f.submitted_day IS NOT NULL AND f.received_at IS NOT NULL),
        (5,  f.submitted_day, '', f.submitted_day IS NOT NULL AND f.channel = 'ONLINE' AND f.applicant_adult_citizen),
        (6,  f.received_day, '', f.received_day IS NOT NULL),
        (7,  f.received_day, '', f.received_day IS NOT NULL AND f.dossier_digitized),
        (8,  f.result_day, '', f.result_day IS NOT NULL),
        (9,  f.result_day, '', f.result_day IS NOT NULL AND f.result_digitized),
        (10, f.result_day, '', f.result_day IS NOT NULL AND f.result_synced),
        (11, f.result_day, '', f.result_day IS NOT NULL AND f.received_at IS NOT NULL),
        (12, f.result_day, '', f.result_day IS NOT NULL AND f.received_at IS NOT NULL AND f.result_issued_at <= f.due_at),
        (13, f.rating_day, '', f.rating_day IS NOT NULL),
        (14, f.rating_day, '', f.rating_day IS NOT NULL AND f.rating >= 4)
    ) AS c(metric, day, procedure_code, counts)
    WHERE c.counts
    GROUP BY 1, 2, 3, 4
    UNION ALL
    SELECT t.unit_code, t.paid_day, c.metric, c.procedure_code, count(*)
    FROM payment_fact t CROSS JOIN LATERAL (VALUES
        (15, '', true),
        (16, t.procedure_code, t.method = 'NATIONAL_PORTAL'),
        (17, '', t.method <> 'CASH')
    ) AS c(metric, procedure_code, counts)
    WHERE t.paid_day IS NOT NULL AND NOT t.refunded AND c.counts
    GROUP BY 1, 2, 3, 4;
    ANALYZE leaf_count;
    RAISE DEBUG 'dvc_recount: counts per unit, %', clock_timestamp() - started;

    DELETE FROM indicator_count;
    INSERT INTO indicator_count (unit_code, metric, period, period_start, procedure_code, n)
    SELECT u.ancestor, l.metric, 'D', l.day, l.procedure_code, sum(l.n)
    FROM leaf_count l JOIN unit_up u ON u.unit_code = l.unit_code
    GROUP BY 1, 2, 4, 5;
    INSERT INTO indicator_count (unit_code, metric, period, period_start, procedure_code, n)
    SELECT unit_code, metric, 'M', CAST(date_trunc('month', period_start) AS DATE), procedure_code, sum(n)
    FROM indicator_count WHERE period = 'D'
    GROUP BY 1, 2, 4, 5;

    RAISE DEBUG 'dvc_recount: counters, %', clock_timestamp() - started;
    DELETE FROM adult_applicant;
    INSERT INTO adult_applicant (unit_code, year, applicant_hash, months)
    SELECT u.ancestor, CAST(extract(YEAR FROM f.submitted_day) AS INTEGER), f.applicant_hash,
           bit_or(1 << CAST(extract(MONTH FROM f.submitted_day) - 1 AS INTEGER))
    FROM dossier_fact f JOIN unit_up u ON u.unit_code = f.unit_code
    WHERE f.submitted_day IS NOT NULL AND f.channel = 'ONLINE' AND f.applicant_adult_citizen
    GROUP BY 1, 2, 3;
    RAISE DEBUG 'dvc_recount: applicants, %', clock_timestamp() - started;
    -- One pass over the applicants: per unit and year, how many applied in each month, each quarter, the year.
    INSERT INTO indicator_count (unit_code, metric, period, period_start, procedure_code, n)
    SELECT a.unit_code, 20, p.period, p.period_start, '', p.n
    FROM (SELECT unit_code, year, count(*) AS y,
              ARRAY[count(*) FILTER (WHERE months & 1 <> 0), count(*) FILTER (WHERE months & 2 <> 0),
                    count(*) FILTER (WHERE months & 4 <> 0), count(*) FILTER (WHERE months & 8 <> 0),
                    count(*) FILTER (WHERE months & 16 <> 0), count(*) FILTER (WHERE months & 32 <> 0),
                    count(*) FILTER (WHERE months & 64 <> 0), count(*) FILTER (WHERE months & 128 <> 0),
                    count(*) FILTER (WHERE months & 256 <> 0), count(*) FILTER (WHERE months & 512 <> 0),
                    count(*) FILTER (WHERE months & 1024 <> 0), count(*) FILTER (WHERE months & 2048 <> 0)] AS m,
              ARRAY[count(*) FILTER (WHERE months & 7 <> 0), count(*) FILTER (WHERE months & 56 <> 0),
                    count(*) FILTER (WHERE months & 448 <> 0), count(*) FILTER (WHERE months & 3584 <> 0)] AS q
          FROM adult_applicant GROUP BY unit_code, year) a
    CROSS JOIN LATERAL (
        SELECT 'Y', make_date(a.year, 1, 1), a.y
        UNION ALL
        SELECT 'M', make_date(a.year, i, 1), a.m[i] FROM generate_series(1, 12) i WHERE a.m[i] > 0
        UNION ALL
        SELECT 'Q', make_date(a.year, 3 * i - 2, 1), a.q[i] FROM generate_series(1, 4) i WHERE a.q[i] > 0
    ) AS p(period, period_start, n);

    RAISE DEBUG 'dvc_recount: applicant counts, %', clock_timestamp() - started;
    UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1;
END
$$;

SELECT dvc_recount();
