-- Reference data every installation of the portal needs: the job statuses with the reference's
-- GUIDs and codes, the workflow between them, and default types, priorities and project statuses.

INSERT INTO job_status (id, code, name, is_closed, allowed_on_create, sort_order) VALUES
    ('8BA9DA71-EF32-423A-BB50-AE767315F55C', 'Open',                         'Open',                              false, true,  10),
    ('69268600-D3E0-4222-859F-06E47CF4041E', 'Waiting',                      'Waiting',                           false, true,  11),
    ('9AC4BD6D-F6E8-DF11-97CF-0030488C6C36', 'Activated',                    'Activated',                         false, true,  12),
    ('497ACFF2-9FF6-4C94-85DD-DAA0689553E2', 'ToBePlanned',                  'To be Planned',                     false, true,  20),
    ('8ADBC894-D612-DE11-BD84-0030488C6C36', 'Pooling',                      'Pooling',                           false, true,  21),
    ('143CF9CD-C3C1-406A-A19A-58D766D9DDA9', 'Suggested',                    'Suggested',                         false, true,  22),
    ('A60BC691-AB2F-42F5-8A5B-998A29A27537', 'Dispatched',                   'Dispatched',                        false, false, 30),
    ('EB014DA9-5850-4E16-B1E9-527162F1A9E0', 'DispatchRejected',             'Dispatch - Rejected',               false, false, 31),
    ('10F456D2-000E-48EA-93D7-E016107B7A98', 'Planned',                      'Planned',                           false, false, 40),
    ('F79E58EE-EE04-4590-BCB1-49E8BD551659', 'InProgress',                   'In Progress',                       false, false, 50),
    ('136E1585-DFF6-4990-BFC6-DBA958B71F30', 'WaitingFurtherActions',        'Waiting Further Actions',           false, false, 60),
    ('6557B9DC-6106-4327-8E26-6F24D0329C33', 'Completed',                    'Completed',                         true,  false, 70),
    ('06EA451C-5863-4C97-9592-CC928DFDF869', 'Canceled',                     'Canceled',                          true,  true,  90),
    ('E2BC66AF-BD10-4035-8AA1-7AD88CB35723', 'Workshop',                     'Workshop',                          false, false, 100),
    ('41A3718F-EAA1-4EF4-9A82-2CCF3FA92BCC', 'WorkshopInQueue',              'Workshop in queue',                 false, false, 101),
    ('FC28469F-C276-4FF5-ABB7-B99F5AEE4C7D', 'WorkshopInProgress',           'In progress (W)',                   false, false, 102),
    ('1C6F7A61-3723-450B-8158-19A90D60CBD9', 'WorkshopWaitingFurtherAction', 'Workshop - Waiting further action', false, false, 103),
    ('CE5F26ED-5FE0-47A3-94A7-1BF4402E32D0', 'WorkshopCompleted',            'Workshop - Completed',              true,  false, 104);

-- A virtual child status of Completed: the job went to the ERP. The reference publishes no GUID for it.
INSERT INTO job_status (id, code, name, is_closed, allowed_on_create, parent_job_status_id, sort_order) VALUES
    ('5E3B2C1A-7F0D-4C8E-9A61-2D4B7E90C1F3', 'ExportedToErp', 'Completed - Exported to ERP', true, false,
     '6557B9DC-6106-4327-8E26-6F24D0329C33', 71);

INSERT INTO job_status_transition (from_job_status_id, to_job_status_id)
SELECT f.id, t.id
  FROM (VALUES
        -- standard path; Waiting and Activated lead on as Open does
        ('Open', 'ToBePlanned'), ('Open', 'Pooling'), ('Open', 'Suggested'),
        ('Open', 'Dispatched'), ('Open', 'Workshop'), ('Open', 'Canceled'),
        ('Waiting', 'ToBePlanned'), ('Waiting', 'Pooling'), ('Waiting', 'Suggested'),
        ('Waiting', 'Dispatched'), ('Waiting', 'Workshop'), ('Waiting', 'Canceled'),
        ('Activated', 'ToBePlanned'), ('Activated', 'Pooling'), ('Activated', 'Suggested'),
        ('Activated', 'Dispatched'), ('Activated', 'Workshop'), ('Activated', 'Canceled'),
        -- the early statuses: a planner may switch between them, plan or cancel
        ('ToBePlanned', 'Pooling'), ('ToBePlanned', 'Suggested'), ('ToBePlanned', 'Planned'), ('ToBePlanned', 'Canceled'),
        ('Pooling', 'ToBePlanned'), ('Pooling', 'Suggested'), ('Pooling', 'Planned'), ('Pooling', 'Canceled'),
        ('Suggested', 'ToBePlanned'), ('Suggested', 'Pooling'), ('Suggested', 'Planned'), ('Suggested', 'Canceled'),
        -- dispatch path
        ('Dispatched', 'Planned'), ('Dispatched', 'DispatchRejected'),
        -- Planned and Dispatch - Rejected: go on, cancel, or reopen into an early status
        ('Planned', 'InProgress'), ('Planned', 'Canceled'),
        ('Planned', 'Open'), ('Planned', 'ToBePlanned'), ('Planned', 'Pooling'), ('Planned', 'Suggested'),
        ('DispatchRejected', 'Canceled'),
        ('DispatchRejected', 'Open'), ('DispatchRejected', 'ToBePlanned'), ('DispatchRejected', 'Pooling'), ('DispatchRejected', 'Suggested'),
        ('InProgress', 'WaitingFurtherActions'), ('InProgress', 'Completed'),
        -- waiting for parts or a second visit: resume, plan again, or finish
        ('WaitingFurtherActions', 'InProgress'), ('WaitingFurtherActions', 'ToBePlanned'), ('WaitingFurtherActions', 'Completed'),
        -- workshop path
        ('Workshop', 'WorkshopInQueue'), ('WorkshopInQueue', 'WorkshopInProgress'),
        ('WorkshopInProgress', 'WorkshopWaitingFurtherAction'), ('WorkshopInProgress', 'WorkshopCompleted'),
        ('WorkshopWaitingFurtherAction', 'WorkshopInProgress'), ('WorkshopWaitingFurtherAction', 'WorkshopCompleted'),
        -- a completed job may only move on to its virtual child status
        ('Completed', 'ExportedToErp')
       ) AS edge (from_code, to_code)
  JOIN job_status f ON f.code = edge.from_code
  JOIN job_status t ON t.code = edge.to_code;

INSERT INTO job_type (code, name, description, is_default) VALUES
    ('INSP',  'Inspection',   'Periodic or regulatory inspection', false),
    ('INST',  'Installation', 'Installation or commissioning of equipment', false),
    ('MAINT', 'Maintenance',  'Preventive maintenance', false),
    ('REPAIR','Repair',       'Corrective intervention after a breakdown', true);

INSERT INTO job_priority (code, name, sequence, is_default) VALUES
    ('URGENT', 'Urgent', 0, false),
    ('HIGH',   'High',   1, false),
    ('NORMAL', 'Normal', 2, true),
    ('LOW',    'Low',    3, false);

INSERT INTO project_status (code, name, is_default, is_closed) VALUES
    ('ACTIVE',   'In service',        true,  false),
    ('STANDBY',  'Out of service',    false, false),
    ('REMOVED',  'Removed',           false, true);

INSERT INTO db_country (code, name) VALUES
    ('BE', 'Belgium'), ('FR', 'France'), ('NL', 'Netherlands'), ('DE', 'Germany'),
    ('LU', 'Luxembourg'), ('GB', 'United Kingdom'), ('ES', 'Spain'), ('IT', 'Italy'), ('US', 'United States');

INSERT INTO db_language (code, name) VALUES
    ('en', 'English'), ('fr', 'French'), ('nl', 'Dutch'), ('de', 'German');

INSERT INTO db_currency (code, name) VALUES
    ('EUR', 'Euro'), ('GBP', 'Pound sterling'), ('USD', 'US dollar');
