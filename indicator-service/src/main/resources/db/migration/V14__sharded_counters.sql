-- Scale-out without hot rows: the counters and data_version are sharded, so that two instances never queue on
-- the same row.
--
-- Until V13 every consumer batch added to the rows of its units, of every unit above them and of '' (every unit),
-- and bumped the one row of data_version: with two instances, every batch of each waited on the other's row locks
-- for the root, the provinces and data_version. Now a batch writes its counter deltas under a shard (the lowest
-- Kafka partition among its dossier and payment records, EventConsumer.shardOf; 0 for a batch without any), and
-- the instances, which own disjoint partitions, write disjoint rows. A counter is the sum of its key's rows over
-- the shards: every reader sums (they already summed over days and months). The recount and a unit move write
-- shard 0, the recount collapsing every key into it.
--
-- adult_applicant stays unsharded: its rows are per unit, year and applicant, so two batches meet on one only for
-- the same applicant at the same time, not on every batch; and the row lock is what makes a distinct applicant
-- counted once across instances (CounterRepository.addApplicants).
ALTER TABLE indicator_count ADD COLUMN shard SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE indicator_count DROP CONSTRAINT indicator_count_pkey;
ALTER TABLE indicator_count ADD PRIMARY KEY (unit_code, period, period_start, metric, procedure_code, shard);

-- data_version: one row per shard, each moved only by the writers of that shard; the version is their sum (a sum
-- of counters that only grow grows whenever any of them does), the latest events' time their max. The row of
-- before becomes shard 0's.
ALTER TABLE data_version RENAME COLUMN id TO shard;
ALTER TABLE data_version ALTER COLUMN shard TYPE SMALLINT;
UPDATE data_version SET shard = 0 WHERE shard = 1;

-- The one writer of data_version: marks the data as changed by a transaction of the shard (0 for the recount, a
-- unit move's batch without events, reference data, plans, calendars), creating the shard's row on its first
-- change. Returns the shard's new version.
CREATE FUNCTION dvc_data_changed(shard SMALLINT, at TIMESTAMPTZ, with_events BOOLEAN) RETURNS BIGINT LANGUAGE sql AS $$
    INSERT INTO data_version AS d (shard, version, changed_at, events_at)
    VALUES (dvc_data_changed.shard, 1, dvc_data_changed.at, CASE WHEN dvc_data_changed.with_events THEN dvc_data_changed.at END)
    ON CONFLICT (shard) DO UPDATE SET version = d.version + 1, changed_at = excluded.changed_at,
        events_at = CASE WHEN dvc_data_changed.with_events THEN excluded.changed_at ELSE d.events_at END
    RETURNING version;
$$;

-- dvc_recount() (V4: the tree lock, then this) as V8 left it, comparing each key's sum over the shards with the facts
-- and writing every key it finds differing or spread over shards into shard 0 alone.
CREATE OR REPLACE FUNCTION dvc_recount_unlocked() RETURNS void LANGUAGE plpgsql SET work_mem = '256MB' AS $$
DECLARE
    started TIMESTAMPTZ := clock_timestamp();
    changed BIGINT;
BEGIN
    -- No counter moves while they are counted again: a writer still moving them commits first (and its facts
    -- are then in what is read below), a writer after waits and moves the new counts. Readers are not held.
    -- Taken in the order the consumer writes them in (applicants, then counters), so that neither waits for
    -- the other in turn.
    LOCK TABLE adult_applicant, indicator_count IN EXCLUSIVE MODE;
    DROP TABLE IF EXISTS unit_up, inner_unit, leaf_count, fresh_count, fresh_applicant, count_change, applicant_change;
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
    -- The units that count for others too ('' among them).
    CREATE TEMP TABLE inner_unit ON COMMIT DROP AS SELECT DISTINCT ancestor AS code FROM unit_up WHERE ancestor <> unit_code;
    -- Temporary tables have no statistics until analyzed: without them the joins below go row by row.
    ANALYZE unit_up;
    ANALYZE inner_unit;
    RAISE DEBUG 'dvc_recount: units up, %', clock_timestamp() - started;

    -- The facts' contributions per unit, day, metric and procedure (Metric.java names the numbers). A dossier is
    -- read once: grouped by each kind of day, and by procedure where a metric keeps it (grouping() says which
    -- grouping: 7 submitted per procedure, 23 submitted, 27 received, 29 result, 30 rating), with a count per
    -- metric of that grouping, then turned into one row per metric.
    CREATE TEMP TABLE leaf_count ON COMMIT DROP AS
    SELECT g.unit_code, c.day, c.metric, c.procedure_code, c.n
    FROM (SELECT unit_code, procedure_code, submitted_day, received_day, result_day, rating_day, end_day, due_day,
              GROUPING(procedure_code, submitted_day, received_day, result_day, rating_day, end_day, due_day) AS kind,
              count(*) FILTER (WHERE submitted_day IS NOT NULL) AS n1,
              count(*) FILTER (WHERE submitted_day IS NOT NULL AND channel = 'ONLINE') AS n2,
              count(*) FILTER (WHERE submitted_day IS NOT NULL AND fully_online) AS n3,
              count(*) FILTER (WHERE submitted_day IS NOT NULL AND received_at IS NOT NULL) AS n4,
              count(*) FILTER (WHERE submitted_day IS NOT NULL AND channel = 'ONLINE' AND applicant_adult_citizen) AS n5,
              count(*) FILTER (WHERE received_day IS NOT NULL) AS n6,
              count(*) FILTER (WHERE received_day IS NOT NULL AND dossier_digitized) AS n7,
              count(*) FILTER (WHERE result_day IS NOT NULL) AS n8,
              count(*) FILTER (WHERE result_day IS NOT NULL AND result_digitized) AS n9,
              count(*) FILTER (WHERE result_day IS NOT NULL AND result_synced) AS n10,
              count(*) FILTER (WHERE result_day IS NOT NULL AND received_at IS NOT NULL) AS n11,
              count(*) FILTER (WHERE result_day IS NOT NULL AND received_at IS NOT NULL AND result_issued_at <= due_at) AS n12,
              count(*) FILTER (WHERE rating_day IS NOT NULL) AS n13,
              count(*) FILTER (WHERE rating_day IS NOT NULL AND rating >= 4) AS n14,
              count(*) FILTER (WHERE end_day IS NOT NULL AND received_at IS NOT NULL) AS n21,
              count(*) FILTER (WHERE end_day IS NOT NULL AND received_at IS NOT NULL AND settled_at_end AND NOT ended_late) AS n22,
              count(*) FILTER (WHERE end_day IS NOT NULL AND received_at IS NOT NULL AND settled_at_end AND NOT ended_late
                               AND (rating IS NULL OR rating >= 3)) AS n23,
              count(*) FILTER (WHERE due_day IS NOT NULL AND received_at IS NOT NULL AND ended_at IS NULL) AS n24,
              count(*) FILTER (WHERE due_day IS NOT NULL AND received_at IS NOT NULL AND ended_at IS NULL
                               AND waiting_since IS NOT NULL) AS n25,
              count(*) FILTER (WHERE due_day IS NOT NULL AND received_at IS NOT NULL AND ended_at IS NULL
                               AND (supplement_requests >= 2 OR waiting_since > due_at)) AS n26,
              count(*) FILTER (WHERE due_day IS NOT NULL AND received_at IS NOT NULL AND ended_at IS NULL
                               AND waiting_since IS NULL AND supplement_requests < 2) AS n27,
              count(*) FILTER (WHERE result_day IS NOT NULL AND dossier_digitized AND result_digitized) AS n30,
              count(*) FILTER (WHERE submitted_day IS NOT NULL AND applicant_citizen) AS n31,
              count(*) FILTER (WHERE submitted_day IS NOT NULL AND applicant_citizen AND applicant_vneid) AS n32
          FROM dossier_fact
          GROUP BY GROUPING SETS ((unit_code, procedure_code, submitted_day), (unit_code, submitted_day), (unit_code, received_day),
                                  (unit_code, result_day), (unit_code, rating_day), (unit_code, end_day), (unit_code, due_day))) g
    CROSS JOIN LATERAL (VALUES
        (1,  g.submitted_day, g.procedure_code, g.n1, 31),
        (2,  g.submitted_day, '', g.n2, 95),
        (3,  g.submitted_day, g.procedure_code, g.n3, 31),
        (4,  g.submitted_day, '', g.n4, 95),
        (5,  g.submitted_day, '', g.n5, 95),
        (6,  g.received_day, '', g.n6, 111),
        (7,  g.received_day, '', g.n7, 111),
        (8,  g.result_day, '', g.n8, 119),
        (9,  g.result_day, '', g.n9, 119),
        (10, g.result_day, '', g.n10, 119),
        (11, g.result_day, '', g.n11, 119),
        (12, g.result_day, '', g.n12, 119),
        (13, g.rating_day, '', g.n13, 123),
        (14, g.rating_day, '', g.n14, 123),
        (21, g.end_day, '', g.n21, 125),
        (22, g.end_day, '', g.n22, 125),
        (23, g.end_day, '', g.n23, 125),
        (24, g.due_day, '', g.n24, 126),
        (25, g.due_day, '', g.n25, 126),
        (26, g.due_day, '', g.n26, 126),
        (27, g.due_day, '', g.n27, 126),
        (30, g.result_day, '', g.n30, 119),
        (31, g.submitted_day, '', g.n31, 95),
        (32, g.submitted_day, '', g.n32, 95)
    ) AS c(metric, day, procedure_code, n, kind)
    WHERE c.kind = g.kind AND c.n > 0
    UNION ALL
    -- The runs of days (28: open at the cut-off, 29: open and late): +1 on a run's first day, -1 on the day after it.
    SELECT f.unit_code, c.day, c.metric, '', sum(c.w)
    FROM dossier_fact f CROSS JOIN LATERAL (
        SELECT 28, lower(r), 1 FROM unnest(f.open_days) r
        UNION ALL SELECT 28, upper(r), -1 FROM unnest(f.open_days) r WHERE NOT upper_inf(r)
        UNION ALL SELECT 29, lower(r), 1 FROM unnest(f.open_late_days) r
        UNION ALL SELECT 29, upper(r), -1 FROM unnest(f.open_late_days) r WHERE NOT upper_inf(r)) AS c(metric, day, w)
    WHERE NOT isempty(f.open_days)
    GROUP BY 1, 2, 3, 4
    HAVING sum(c.w) <> 0
    UNION ALL
    SELECT t.unit_code, t.paid_day, c.metric, c.procedure_code, count(*)
    FROM payment_fact t CROSS JOIN LATERAL (VALUES
        (15, '', true),
        (16, t.procedure_code, t.method = 'NATIONAL_PORTAL'),
        (17, '', t.method <> 'CASH'),
        (33, '', t.method IN ('NATIONAL_PORTAL', 'OTHER_ONLINE'))
    ) AS c(metric, procedure_code, counts)
    WHERE t.paid_day IS NOT NULL AND NOT t.refunded AND c.counts
    GROUP BY 1, 2, 3, 4;
    ANALYZE leaf_count;
    RAISE DEBUG 'dvc_recount: counts per unit, %', clock_timestamp() - started;

    -- Every counter as it should be: a unit below no other has its own counts; the others add up their own and
    -- those of every unit below them; months add up their days.
    CREATE TEMP TABLE fresh_count ON COMMIT DROP AS
    SELECT l.unit_code, CAST(l.metric AS SMALLINT) AS metric, CAST('D' AS CHAR(1)) AS period, l.day AS period_start,
           CAST(l.procedure_code AS VARCHAR(64)) AS procedure_code, l.n
    FROM leaf_count l WHERE NOT EXISTS (SELECT 1 FROM inner_unit i WHERE i.code = l.unit_code)
    UNION ALL
    SELECT u.ancestor, CAST(l.metric AS SMALLINT), 'D', l.day, l.procedure_code, sum(l.n)
    FROM leaf_count l JOIN unit_up u ON u.unit_code = l.unit_code JOIN inner_unit i ON i.code = u.ancestor
    GROUP BY u.ancestor, l.metric, l.day, l.procedure_code;
    INSERT INTO fresh_count (unit_code, metric, period, period_start, procedure_code, n)
    SELECT unit_code, metric, 'M', CAST(date_trunc('month', period_start) AS DATE), procedure_code, sum(n)
    FROM fresh_count WHERE period = 'D'
    GROUP BY unit_code, metric, CAST(date_trunc('month', period_start) AS DATE), procedure_code;
    RAISE DEBUG 'dvc_recount: counters, %', clock_timestamp() - started;

    -- The adult citizens who applied online, per unit (and above) and year, with the months they applied in.
    CREATE TEMP TABLE fresh_applicant ON COMMIT DROP AS
    SELECT u.ancestor AS unit_code, CAST(extract(YEAR FROM f.submitted_day) AS INTEGER) AS year, f.applicant_hash,
           bit_or(1 << CAST(extract(MONTH FROM f.submitted_day) - 1 AS INTEGER)) AS months
    FROM dossier_fact f JOIN unit_up u ON u.unit_code = f.unit_code
    WHERE f.submitted_day IS NOT NULL AND f.channel = 'ONLINE' AND f.applicant_adult_citizen
    GROUP BY 1, 2, 3;
    RAISE DEBUG 'dvc_recount: applicants, %', clock_timestamp() - started;
    -- One pass over the applicants: per unit and year, how many applied in each month, each quarter, the year.
    INSERT INTO fresh_count (unit_code, metric, period, period_start, procedure_code, n)
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
          FROM fresh_applicant GROUP BY unit_code, year) a
    CROSS JOIN LATERAL (
        SELECT 'Y', make_date(a.year, 1, 1), a.y
        UNION ALL
        SELECT 'M', make_date(a.year, i, 1), a.m[i] FROM generate_series(1, 12) i WHERE a.m[i] > 0
        UNION ALL
        SELECT 'Q', make_date(a.year, 3 * i - 2, 1), a.q[i] FROM generate_series(1, 4) i WHERE a.q[i] > 0
    ) AS p(period, period_start, n);
    ANALYZE fresh_count;
    ANALYZE fresh_applicant;
    RAISE DEBUG 'dvc_recount: applicant counts, %', clock_timestamp() - started;

    IF NOT EXISTS (SELECT 1 FROM indicator_count) AND NOT EXISTS (SELECT 1 FROM adult_applicant) THEN
        -- Nothing counted yet (a first count, or a bulk load that emptied them): every row is new, in shard 0.
        INSERT INTO indicator_count (unit_code, period, period_start, metric, procedure_code, shard, n)
        SELECT unit_code, period, period_start, metric, procedure_code, 0, n FROM fresh_count
        ORDER BY unit_code, period, period_start, metric, procedure_code;
        INSERT INTO adult_applicant (unit_code, year, applicant_hash, months)
        SELECT unit_code, year, applicant_hash, months FROM fresh_applicant
        ORDER BY unit_code, year, applicant_hash;
        RAISE DEBUG 'dvc_recount: written, %', clock_timestamp() - started;
    ELSE
        -- The keys that differ, found in one pass over each table: a key's count is the sum of its rows over the
        -- shards; one with rows in a shard other than 0 is collapsed into shard 0 even when its sum is right
        -- (n null: the key is no more; held: it has a row in shard 0)...
        CREATE TEMP TABLE count_change ON COMMIT DROP AS
        SELECT coalesce(f.unit_code, c.unit_code) AS unit_code, coalesce(f.period, c.period) AS period,
               coalesce(f.period_start, c.period_start) AS period_start, coalesce(f.metric, c.metric) AS metric,
               coalesce(f.procedure_code, c.procedure_code) AS procedure_code, f.n, coalesce(c.held, false) AS held
        FROM fresh_count f FULL JOIN (
            SELECT unit_code, period, period_start, metric, procedure_code, sum(n) AS n, bool_or(shard = 0) AS held,
                   bool_or(shard <> 0) AS sharded
            FROM indicator_count GROUP BY unit_code, period, period_start, metric, procedure_code) c
            ON c.unit_code = f.unit_code AND c.period = f.period AND c.period_start = f.period_start AND c.metric = f.metric
           AND c.procedure_code = f.procedure_code
        WHERE f.n IS DISTINCT FROM c.n OR c.sharded;
        CREATE TEMP TABLE applicant_change ON COMMIT DROP AS
        SELECT coalesce(f.unit_code, a.unit_code) AS unit_code, coalesce(f.year, a.year) AS year,
               coalesce(f.applicant_hash, a.applicant_hash) AS applicant_hash, f.months, a.months IS NOT NULL AS held
        FROM fresh_applicant f FULL JOIN adult_applicant a
            ON a.unit_code = f.unit_code AND a.year = f.year AND a.applicant_hash = f.applicant_hash
        WHERE f.months IS DISTINCT FROM a.months;
        ANALYZE count_change;
        ANALYZE applicant_change;
        RAISE DEBUG 'dvc_recount: % counters and % applicants differ, %', (SELECT count(*) FROM count_change),
            (SELECT count(*) FROM applicant_change), clock_timestamp() - started;
        -- ...then written: shard 0 changed, the other shards' rows and the keys no more deleted, new (in key order).
        UPDATE indicator_count c SET n = d.n FROM count_change d
        WHERE d.held AND d.n IS NOT NULL AND c.shard = 0 AND c.unit_code = d.unit_code AND c.period = d.period
          AND c.period_start = d.period_start AND c.metric = d.metric AND c.procedure_code = d.procedure_code;
        DELETE FROM indicator_count c USING count_change d
        WHERE (d.n IS NULL OR c.shard <> 0) AND c.unit_code = d.unit_code AND c.period = d.period
          AND c.period_start = d.period_start AND c.metric = d.metric AND c.procedure_code = d.procedure_code;
        INSERT INTO indicator_count (unit_code, period, period_start, metric, procedure_code, shard, n)
        SELECT unit_code, period, period_start, metric, procedure_code, 0, n FROM count_change WHERE NOT held AND n IS NOT NULL
        ORDER BY unit_code, period, period_start, metric, procedure_code;
        UPDATE adult_applicant a SET months = d.months FROM applicant_change d
        WHERE d.held AND d.months IS NOT NULL AND a.unit_code = d.unit_code AND a.year = d.year AND a.applicant_hash = d.applicant_hash;
        DELETE FROM adult_applicant a USING applicant_change d
        WHERE d.months IS NULL AND a.unit_code = d.unit_code AND a.year = d.year AND a.applicant_hash = d.applicant_hash;
        INSERT INTO adult_applicant (unit_code, year, applicant_hash, months)
        SELECT unit_code, year, applicant_hash, months FROM applicant_change WHERE NOT held
        ORDER BY unit_code, year, applicant_hash;
        RAISE DEBUG 'dvc_recount: written, %', clock_timestamp() - started;
    END IF;

    PERFORM dvc_data_changed(CAST(0 AS SMALLINT), now(), false);
END
$$;

-- dvc_move_unit() as V4 defined it, reading the moved unit's counts as their sum over the shards and writing what
-- moves into shard 0.
CREATE OR REPLACE FUNCTION dvc_move_unit(moved VARCHAR, old_parent VARCHAR) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    new_parent VARCHAR := (SELECT parent_code FROM unit_ref WHERE code = moved);
BEGIN
    PERFORM dvc_lock_tree(true);
    DROP TABLE IF EXISTS move_side, move_applicant, move_fact, move_after, move_change;
    -- The units above the moved one that it leaves (-1) and joins (+1), as the tree stands after the move.
    CREATE TEMP TABLE move_side ON COMMIT DROP AS
    WITH RECURSIVE old_up(code) AS (
        SELECT CAST(old_parent AS VARCHAR) WHERE old_parent IS NOT NULL
        UNION
        SELECT r.parent_code FROM old_up JOIN unit_ref r ON r.code = old_up.code WHERE r.parent_code IS NOT NULL),
    new_up(code) AS (
        SELECT CAST(new_parent AS VARCHAR) WHERE new_parent IS NOT NULL
        UNION
        SELECT r.parent_code FROM new_up JOIN unit_ref r ON r.code = new_up.code WHERE r.parent_code IS NOT NULL)
    SELECT code, -1 AS sign FROM (SELECT code FROM old_up EXCEPT SELECT code FROM new_up) o
    UNION ALL
    SELECT code, 1 FROM (SELECT code FROM new_up EXCEPT SELECT code FROM old_up) n;
    IF EXISTS (SELECT 1 FROM move_side WHERE code = moved) THEN
        -- A record that would put a unit below itself: refused as data (the consumer dead-letters the record).
        RAISE EXCEPTION 'unit % cannot be placed under % : that unit is below it', moved, new_parent
            USING ERRCODE = 'check_violation';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM move_side) THEN
        RETURN;
    END IF;

    -- The additive counts: the moved unit's, summed over the shards, taken away or added in shard 0, in key order.
    INSERT INTO indicator_count AS c (unit_code, period, period_start, metric, procedure_code, shard, n)
    SELECT s.code, m.period, m.period_start, m.metric, m.procedure_code, 0, s.sign * m.n
    FROM (SELECT period, period_start, metric, procedure_code, sum(n) AS n FROM indicator_count
          WHERE unit_code = moved AND metric <> 20 GROUP BY period, period_start, metric, procedure_code) m
    CROSS JOIN move_side s
    WHERE m.n <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_code, period, period_start, metric, procedure_code, shard) DO UPDATE SET n = c.n + excluded.n;
    DELETE FROM indicator_count c USING indicator_count m, move_side s
    WHERE m.unit_code = moved AND m.metric <> 20 AND c.unit_code = s.code AND c.period = m.period
      AND c.period_start = m.period_start AND c.metric = m.metric AND c.procedure_code = m.procedure_code AND c.shard = 0
      AND c.n = 0;

    -- The distinct adult applicants: only those the moved unit counts can change above it.
    CREATE TEMP TABLE move_applicant ON COMMIT DROP AS
    SELECT year, applicant_hash FROM adult_applicant WHERE unit_code = moved AND months <> 0;
    IF NOT EXISTS (SELECT 1 FROM move_applicant) THEN
        RETURN;
    END IF;
    ANALYZE move_applicant;
    -- Their dossiers, wherever they are, with the months they applied online in, per unit and year...
    CREATE TEMP TABLE move_fact ON COMMIT DROP AS
    SELECT f.unit_code, a.year, f.applicant_hash, bit_or(1 << CAST(extract(MONTH FROM f.submitted_day) - 1 AS INTEGER)) AS months
    FROM move_applicant a JOIN dossier_fact f ON f.applicant_hash = a.applicant_hash
    WHERE f.channel = 'ONLINE' AND f.applicant_adult_citizen AND f.submitted_day IS NOT NULL
      AND CAST(extract(YEAR FROM f.submitted_day) AS INTEGER) = a.year
    GROUP BY 1, 2, 3;
    ANALYZE move_fact;
    -- ...as each unit the move touches now sees them (a dossier counts for its unit and each unit above)...
    CREATE TEMP TABLE move_after ON COMMIT DROP AS
    WITH RECURSIVE up(unit_code, ancestor) AS (
        SELECT DISTINCT unit_code, unit_code FROM move_fact
        UNION
        SELECT up.unit_code, r.parent_code FROM up JOIN unit_ref r ON r.code = up.ancestor WHERE r.parent_code IS NOT NULL)
    SELECT up.ancestor AS unit_code, m.year, m.applicant_hash, bit_or(m.months) AS months
    FROM move_fact m JOIN up ON up.unit_code = m.unit_code JOIN move_side s ON s.code = up.ancestor
    GROUP BY 1, 2, 3;
    -- ...beside what those units hold now.
    CREATE TEMP TABLE move_change ON COMMIT DROP AS
    SELECT s.code AS unit_code, a.year, a.applicant_hash, coalesce(b.months, 0) AS before, coalesce(x.months, 0) AS after
    FROM move_side s CROSS JOIN move_applicant a
    LEFT JOIN adult_applicant b ON b.unit_code = s.code AND b.year = a.year AND b.applicant_hash = a.applicant_hash
    LEFT JOIN move_after x ON x.unit_code = s.code AND x.year = a.year AND x.applicant_hash = a.applicant_hash
    WHERE coalesce(b.months, 0) <> coalesce(x.months, 0);
    -- The counts of applicants per year, quarter and month move by how many start or stop counting in each.
    INSERT INTO indicator_count AS c (unit_code, period, period_start, metric, procedure_code, shard, n)
    SELECT unit_code, period, period_start, CAST(20 AS SMALLINT), '', CAST(0 AS SMALLINT), sum(d)
    FROM (SELECT unit_code, CAST('Y' AS CHAR(1)) AS period, make_date(year, 1, 1) AS period_start,
                 CAST(after <> 0 AS INTEGER) - CAST(before <> 0 AS INTEGER) AS d
          FROM move_change
          UNION ALL
          SELECT unit_code, 'M', make_date(year, i, 1), ((after >> (i - 1)) & 1) - ((before >> (i - 1)) & 1)
          FROM move_change CROSS JOIN generate_series(1, 12) i
          UNION ALL
          SELECT unit_code, 'Q', make_date(year, 3 * i - 2, 1),
                 CAST(after & (7 << (3 * (i - 1))) <> 0 AS INTEGER) - CAST(before & (7 << (3 * (i - 1))) <> 0 AS INTEGER)
          FROM move_change CROSS JOIN generate_series(1, 4) i) d
    GROUP BY unit_code, period, period_start
    HAVING sum(d) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (unit_code, period, period_start, metric, procedure_code, shard) DO UPDATE SET n = c.n + excluded.n;
    DELETE FROM indicator_count c USING move_side s WHERE c.unit_code = s.code AND c.metric = 20 AND c.n = 0;
    -- And the applicant rows themselves.
    DELETE FROM adult_applicant a USING move_change m
    WHERE m.after = 0 AND a.unit_code = m.unit_code AND a.year = m.year AND a.applicant_hash = m.applicant_hash;
    INSERT INTO adult_applicant AS a (unit_code, year, applicant_hash, months)
    SELECT unit_code, year, applicant_hash, after FROM move_change WHERE after <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (unit_code, year, applicant_hash) DO UPDATE SET months = excluded.months;
END
$$;
