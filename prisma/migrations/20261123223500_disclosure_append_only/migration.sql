-- The accounting of disclosures is a record of what left the organization: like the audit trail,
-- the database refuses to change or remove its rows, whatever the application does.
CREATE OR REPLACE FUNCTION disclosure_is_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'Disclosure is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER disclosure_no_update_delete
  BEFORE UPDATE OR DELETE ON "Disclosure"
  FOR EACH ROW EXECUTE FUNCTION disclosure_is_append_only();

CREATE TRIGGER disclosure_no_truncate
  BEFORE TRUNCATE ON "Disclosure"
  FOR EACH STATEMENT EXECUTE FUNCTION disclosure_is_append_only();
