-- The back office's search box matches companies whose name starts with the text typed
-- (lower(name) LIKE 'acme%'). The existing lower(name) index follows the database's collation,
-- which LIKE cannot use; this one compares characters as they are, so a prefix is an index range
-- instead of a scan of every company on each search.
CREATE INDEX company_name_prefix ON company (lower(name) text_pattern_ops);
