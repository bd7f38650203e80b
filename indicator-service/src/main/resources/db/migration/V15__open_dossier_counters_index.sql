-- The open-dossier summary reads the counters of dossiers open now by due day (metrics 24 and 25) for a handful of
-- units: their month rows, and this month's day rows up to the due-soon window's end. The primary key leads with
-- (unit_code, period, period_start), under which those rows are mixed with every other metric's; this index holds
-- only theirs. It has no counted column, so that moving a count stays a HOT update.
CREATE INDEX indicator_count_open_idx ON indicator_count (unit_code, metric, period, period_start) WHERE metric IN (24, 25);
