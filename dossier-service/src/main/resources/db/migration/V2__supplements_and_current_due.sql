-- r2: supplement requests and receipts (SUPPLEMENT_REQUESTED, SUPPLEMENT_RECEIVED) may occur any number of times per
-- dossier, like ratings; every other type still at most once.
DROP INDEX dossier_event_one_per_type;
CREATE UNIQUE INDEX dossier_event_one_per_type ON dossier_event (dossier_code, type)
    WHERE type NOT IN ('RATED', 'SUPPLEMENT_REQUESTED', 'SUPPLEMENT_RECEIVED');

-- r2: due_at is the dossier's current due, the dueAt of its latest (by occurredAt, then eventId) RECEIVED or
-- SUPPLEMENT_RECEIVED that carries one; the event that set it is kept so that one arriving later can be placed
-- before or after it.
ALTER TABLE dossier ADD COLUMN due_set_at TIMESTAMPTZ;
ALTER TABLE dossier ADD COLUMN due_set_by VARCHAR(64);
-- The latest supplement event (by occurredAt; on a tie a request sorts before a receipt): the dossier waits on its
-- applicant while it is a SUPPLEMENT_REQUESTED.
ALTER TABLE dossier ADD COLUMN last_supplement_at TIMESTAMPTZ;
ALTER TABLE dossier ADD COLUMN last_supplement_type VARCHAR(32);

-- Until now only a RECEIVED set the due, and a dossier had at most one.
UPDATE dossier d SET due_set_at = e.occurred_at, due_set_by = e.event_id
FROM dossier_event e
WHERE e.dossier_code = d.code AND e.type = 'RECEIVED';
