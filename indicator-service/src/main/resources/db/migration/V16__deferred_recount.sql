-- A rebuild from the topics counts the counters once, at its end, not batch by batch.
--
-- Until now a rebuild applied every event as the live consumer does: each batch moved the counters of every day,
-- month and unit its events touched. A rebuild reads a whole year at once, so a batch of 5,000 events moved tens of
-- thousands of counter rows, and that upsert was 70% of the consumer's time (bench/README.md, "What the profiles
-- showed"). Now the rebuild sets recount_pending when it empties everything (in the transaction that empties it);
-- while it is set, batches write the facts, the processed events and the timelines, and leave the counters alone;
-- dvc_recount() then counts every counter from the facts once, and clears it in the same transaction. Read and
-- written only under the tree lock (dvc_lock_tree(), V4), exclusively to set or clear it: a batch, holding the lock
-- shared, sees one value for its whole transaction, so it is either wholly before the recount (counted by it) or
-- wholly after (counted by difference).
CREATE TABLE counter_state (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    -- The counters do not follow the facts until dvc_recount() runs (a rebuild is under way, or stopped midway).
    recount_pending BOOLEAN NOT NULL,
    pending_since TIMESTAMPTZ
);
INSERT INTO counter_state (id, recount_pending) VALUES (1, false);
