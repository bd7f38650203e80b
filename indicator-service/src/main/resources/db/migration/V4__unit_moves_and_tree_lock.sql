-- A unit moved in the tree no longer recounts every fact, and writers of the counters take one lock first.
--
-- Until V3 a consumer batch that re-parented a unit ran dvc_recount() inside its own transaction: minutes at
-- national scale (7 min 43 s at 10 million dossiers), so the batch could time out, roll back and retry for ever;
-- and its LOCK TABLE came after the batch's own row locks on shared counters, so two instances could deadlock.
--
-- The tree lock. Every transaction that writes the counters (a consumer batch, a move, a recount) takes it first,
-- before any other lock: in shared mode when its counting cannot depend on the tree moving (events only), in
-- exclusive mode when it changes the tree (a batch with unit records) or counts everything again. A transaction
-- that waits for it holds nothing yet, so no wait can close a cycle; inside, every writer takes rows in one order
-- (processed events, facts, applicants, counters, data_version, each in key order). Readers never take it.
-- One home for its key: this function.
CREATE FUNCTION dvc_lock_tree(exclusive BOOLEAN) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF exclusive THEN
        PERFORM pg_advisory_xact_lock(7424001);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(7424001);
    END IF;
END
$$;

-- The full recount (migration, bulk load, repair) holds the tree exclusively for its whole run, so that no
-- consumer batch holds counter rows when its LOCK TABLE asks for them.
ALTER FUNCTION dvc_recount() RENAME TO dvc_recount_unlocked;
CREATE FUNCTION dvc_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM dvc_lock_tree(true);
    PERFORM dvc_recount_unlocked();
END
$$;

-- A unit's applicants, looked up by hash when the unit moves (only the adult citizens who applied online count).
CREATE INDEX dossier_fact_adult_applicant_idx ON dossier_fact (applicant_hash)
    WHERE channel = 'ONLINE' AND applicant_adult_citizen;

-- A unit moved from old_parent (null: it had none, or it is new) to the parent unit_ref now gives it. The moved
-- unit's own counters are the facts below it, grouped (every fact counts for its unit and each unit above): the
-- units above it that it leaves lose them, the units it joins gain them, the units above both and everything
-- below it stay as they are. The distinct adult applicants are not additive: for the units it leaves or joins
-- they are counted again, but only the moved unit's applicants, from their own dossiers as the tree now stands.
-- Cost: the moved unit's counter and applicant rows times the depth of the tree, plus its applicants' dossiers
-- by index; never a scan of every fact. Must run inside the transaction that changed unit_ref, under the tree
-- lock held exclusively (FactUpdater takes it for any batch with unit records). What it writes is exactly what
-- dvc_recount() would (CountersTest compares them).
CREATE FUNCTION dvc_move_unit(moved VARCHAR, old_parent VARCHAR) RETURNS void LANGUAGE plpgsql AS $$
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

    -- The additive counts: the moved unit's rows, taken away or added, in key order.
    INSERT INTO indicator_count AS c (unit_code, period, period_start, metric, procedure_code, n)
    SELECT s.code, m.period, m.period_start, m.metric, m.procedure_code, s.sign * m.n
    FROM indicator_count m CROSS JOIN move_side s
    WHERE m.unit_code = moved AND m.metric <> 20 AND m.n <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (unit_code, period, period_start, metric, procedure_code) DO UPDATE SET n = c.n + excluded.n;
    DELETE FROM indicator_count c USING indicator_count m, move_side s
    WHERE m.unit_code = moved AND m.metric <> 20 AND c.unit_code = s.code AND c.period = m.period
      AND c.period_start = m.period_start AND c.metric = m.metric AND c.procedure_code = m.procedure_code AND c.n = 0;

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
    INSERT INTO indicator_count AS c (unit_code, period, period_start, metric, procedure_code, n)
    SELECT unit_code, period, period_start, CAST(20 AS SMALLINT), '', sum(d)
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
    ON CONFLICT (unit_code, period, period_start, metric, procedure_code) DO UPDATE SET n = c.n + excluded.n;
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
