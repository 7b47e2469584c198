-- TRUNCATE fires no row trigger, so audit_log_append_only let `TRUNCATE
-- audit_log` empty the log (part 762): a statement trigger refuses it too.
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
