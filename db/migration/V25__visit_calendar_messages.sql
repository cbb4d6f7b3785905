-- A visit email carries the visit as an iCalendar attachment (RFC 5546): the customer's calendar
-- keeps one event per visit, by its UID, and takes a message with a higher SEQUENCE as a newer
-- version of it (moved) or its end (cancelled).

-- How many times the visit's times or technician changed: its SEQUENCE in calendars.
ALTER TABLE job_planning ADD COLUMN sequence integer NOT NULL DEFAULT 0;

CREATE FUNCTION job_planning_next_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.date_start, NEW.date_end, NEW.app_user_id) IS DISTINCT FROM (OLD.date_start, OLD.date_end, OLD.app_user_id) THEN
        NEW.sequence := OLD.sequence + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER job_planning_next_sequence BEFORE UPDATE ON job_planning
    FOR EACH ROW EXECUTE FUNCTION job_planning_next_sequence();

-- The message's iCalendar attachment as it was written with the message (null: none); what the
-- calendar says is taken from the visit at the time of the change (the row's params), so a later
-- change to the visit, or its removal, does not alter a message already queued.
ALTER TABLE notification ADD COLUMN calendar text;
