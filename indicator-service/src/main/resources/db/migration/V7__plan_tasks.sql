-- r2: what an admin reports of a plan's task (CONTRACT section 9): one row per year and task number, replaced by each PUT.
-- The tasks themselves are built in (PlanTasks); their measured status is computed from the indicators.
CREATE TABLE plan_task_report (
    year        INTEGER       NOT NULL,
    number      INTEGER       NOT NULL,
    status      VARCHAR(16)   NOT NULL,          -- NOT_STARTED | IN_PROGRESS | DONE
    note        VARCHAR(2000),
    evidence    TEXT          NOT NULL,          -- JSON array of { title, url }
    updated_at  TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (year, number)
);
