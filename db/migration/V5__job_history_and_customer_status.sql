-- What customers see of a status, and the history of every change made to a work order.

-- The one mapping from internal statuses to the few a customer understands.
ALTER TABLE job_status ADD COLUMN customer_status varchar(20)
    CHECK (customer_status IN ('received', 'scheduled', 'in_progress', 'waiting', 'done', 'cancelled'));
UPDATE job_status SET customer_status = CASE code
    WHEN 'Open' THEN 'received'
    WHEN 'Waiting' THEN 'received'
    WHEN 'Activated' THEN 'received'
    WHEN 'ToBePlanned' THEN 'received'
    WHEN 'Pooling' THEN 'received'
    WHEN 'Suggested' THEN 'received'
    WHEN 'Dispatched' THEN 'scheduled'
    WHEN 'DispatchRejected' THEN 'received'
    WHEN 'Planned' THEN 'scheduled'
    WHEN 'InProgress' THEN 'in_progress'
    WHEN 'WaitingFurtherActions' THEN 'waiting'
    WHEN 'Completed' THEN 'done'
    WHEN 'ExportedToErp' THEN 'done'
    WHEN 'Canceled' THEN 'cancelled'
    WHEN 'Workshop' THEN 'in_progress'
    WHEN 'WorkshopInQueue' THEN 'in_progress'
    WHEN 'WorkshopInProgress' THEN 'in_progress'
    WHEN 'WorkshopWaitingFurtherAction' THEN 'waiting'
    WHEN 'WorkshopCompleted' THEN 'done'
END;
ALTER TABLE job_status ALTER COLUMN customer_status SET NOT NULL;

-- One row per change of a work order: who, when, and each field's old and new value.
CREATE TABLE job_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job_id        uuid        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    changed_at    timestamptz NOT NULL DEFAULT now(),
    account_id    uuid REFERENCES account (id),
    -- as known when it happened: "Pat Planner", "Alice (Acme Facilities)", "api@demo.test"
    changed_by    varchar(250),
    -- created, edited, status, planned, comment ...
    kind          varchar(30) NOT NULL,
    -- the job's version after the change: an edit made from an older version lists what came since
    version       integer     NOT NULL,
    -- {"field": {"old": ..., "new": ...}, ...} for edits; free details otherwise
    changes       jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX job_history_job ON job_history (job_id, changed_at DESC);

-- The active suggestion of a job (Suggested with a user and a start) is one job_planning row,
-- updated when the suggestion changes instead of adding another.
ALTER TABLE job_planning ADD COLUMN is_suggestion boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX job_planning_one_suggestion ON job_planning (job_id) WHERE is_suggestion;
