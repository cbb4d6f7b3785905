-- The back-office grid sorts on any column, both ways, with keyset pages on (key, id2). Sorting
-- all work orders (not only the open ones, which V6 covers) by due date, name or customer
-- reference had to sort the whole table, about a second at a million jobs; with these indexes
-- the first page and every next one are read in order. The keys are exactly the grid's
-- (JobSort): nulls folded into a value that sorts last ascending.
CREATE INDEX jobs_due_key ON jobs (coalesce(due_date, 'infinity'::timestamptz), id2);
CREATE INDEX jobs_name_key ON jobs (name, id2);
CREATE INDEX jobs_customer_reference_key ON jobs (coalesce(customer_reference, ''), id2);
