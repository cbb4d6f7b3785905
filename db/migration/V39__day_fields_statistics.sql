-- Changing a column's type (V37) drops what PostgreSQL knew of its values, and the table's
-- rewrite does not count as changes towards the next automatic ANALYZE: on 1,000,000 work orders
-- the days had no statistics after V37, and the grid's due-date filters and sorts were planned
-- blind until 100,000 rows changed. The work orders are analysed again at once (a sample of
-- 30,000 rows: a few seconds).
ANALYZE jobs;
