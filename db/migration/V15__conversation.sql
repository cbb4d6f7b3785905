-- The conversation on a work order: comments and files from both sides, each either for the
-- customer too or internal to the service team, with its author as a person of either side.

-- Internal entries are never shown to customers: every query of the customer's side asks for
-- visibility = 'customer' (conversation/TimelineDao). Only staff write internal entries.
ALTER TABLE job_comment
    ADD COLUMN visibility  varchar(10) NOT NULL DEFAULT 'customer' CHECK (visibility IN ('customer', 'internal')),
    ADD COLUMN app_user_id uuid REFERENCES app_user (id),
    ADD COLUMN contact_id  uuid REFERENCES contact (id),
    ADD CONSTRAINT job_comment_one_author CHECK (app_user_id IS NULL OR contact_id IS NULL),
    ADD CONSTRAINT job_comment_internal_by_staff CHECK (visibility = 'customer' OR contact_id IS NULL);

ALTER TABLE job_attachment
    ADD COLUMN visibility  varchar(10) NOT NULL DEFAULT 'customer' CHECK (visibility IN ('customer', 'internal')),
    ADD COLUMN app_user_id uuid REFERENCES app_user (id),
    ADD COLUMN contact_id  uuid REFERENCES contact (id),
    ADD CONSTRAINT job_attachment_one_author CHECK (app_user_id IS NULL OR contact_id IS NULL),
    ADD CONSTRAINT job_attachment_internal_by_staff CHECK (visibility = 'customer' OR contact_id IS NULL);

UPDATE job_comment c SET app_user_id = a.app_user_id, contact_id = a.contact_id
  FROM account a WHERE a.id = c.account_id;
UPDATE job_attachment f SET app_user_id = a.app_user_id, contact_id = a.contact_id
  FROM account a WHERE a.id = f.uploaded_by;

-- The phone number the customer gave when reporting: whom the planner calls about this work
-- order. (A mobile installation's work order also keeps it as its address's phone, as before.)
ALTER TABLE jobs ADD COLUMN contact_phone varchar(50);

-- Until now the report form kept that number as a comment "Phone to reach me: …": it moves here.
UPDATE jobs j SET contact_phone = left(substr(c.text, length('Phone to reach me: ') + 1), 50)
  FROM job_comment c
 WHERE c.job_id = j.id AND c.by_customer AND c.text LIKE 'Phone to reach me: %';
DELETE FROM job_comment WHERE by_customer AND text LIKE 'Phone to reach me: %';
