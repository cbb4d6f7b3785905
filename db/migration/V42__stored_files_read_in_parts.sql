-- A download reads a stored file a megabyte at a time (substring of job_attachment.bytes, one
-- statement per part), so that it never holds a whole file in the portal's memory. Out of line
-- and uncompressed, PostgreSQL reads only the part's TOAST chunks; compressed, it would
-- decompress the whole file for every part. Photos and PDFs barely compress anyway. Applies to
-- files stored from now on; those stored before are read the same way, only less cheaply.
ALTER TABLE job_attachment ALTER COLUMN bytes SET STORAGE EXTERNAL;
