-- PostgreSQL's 8 refuses TRUNCATE of the audit log. SQLite has no TRUNCATE (a
-- DELETE without WHERE fires audit_log_no_delete), so nothing changes here; the
-- number keeps both backends at the same schema version.
SELECT 1;
