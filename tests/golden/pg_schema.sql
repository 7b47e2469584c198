-- The schema of a PostgreSQL database as sorted lines of text: every column with its
-- type, nullability and default, index, constraint, trigger and function (by a digest
-- of its source). schema_golden_test compares a fresh store's with
-- store_v8_postgres_schema.txt, which this query gave on a database written by main
-- at 7a9fc17 (psql -AtX -f tests/golden/pg_schema.sql URL).
SELECT line FROM (
  SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' ||
         is_nullable || ' ' || COALESCE(column_default, '') AS line
  FROM information_schema.columns WHERE table_schema = 'public'
  UNION ALL
  SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
  UNION ALL
  SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' ||
         pg_get_constraintdef(oid)
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
  UNION ALL
  SELECT 'trigger ' || tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger
  WHERE NOT tgisinternal
  UNION ALL
  SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
  UNION ALL
  SELECT 'migration ' || version FROM schema_migrations
) AS schema ORDER BY line;
