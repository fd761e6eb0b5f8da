-- Audit events are append-only: the database itself refuses UPDATE, DELETE and TRUNCATE,
-- whatever the application does. Each row also commits to the previous one (prevHash/hash,
-- computed by app/modules/audit), so a row removed or altered by someone who disabled the
-- trigger is still caught by `npm run audit:verify`.
CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();

-- Table of @socket.io/postgres-adapter (cross-node broadcast of large payloads). Created here so
-- that two server processes starting at once do not race on CREATE TABLE. Not a Prisma model:
-- listed as an external table in scripts/db.ts so migrations never try to drop it.
CREATE TABLE IF NOT EXISTS socket_io_attachments (
  id          bigserial UNIQUE,
  created_at  timestamptz DEFAULT NOW(),
  payload     bytea
);
