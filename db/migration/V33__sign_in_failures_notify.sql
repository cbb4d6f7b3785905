-- Each instance keeps which clients have had no sign-in failure since the last one recorded
-- anywhere (auth/SignInThrottle), so that an integration signing every request is not counted
-- again at each one. Every recorded failure tells every instance on portal_changes (V19).
-- Only failures are recorded (SignInThrottle.recordFailure); their removal can only lift a wait.
CREATE TRIGGER portal_notify_change AFTER INSERT ON sign_in_attempt
    FOR EACH STATEMENT EXECUTE FUNCTION portal_notify_change();
