-- Appends one audit event to the hash chain in a single statement (ADR 052). The chain's global
-- lock used to be held across three round trips to the application (lock, read the last hash,
-- insert) plus the commit; under load every audited change queued behind it. Here the lock, the
-- read and the insert happen inside the database; the lock is still held until commit.
--
-- The hash is unchanged: sha256 of the event's canonical JSON (RFC 8785), which the application
-- builds with the previous hash left out and passes as the text before and after it, so the
-- stored hash is exactly what verifyAuditChain recomputes.
--
-- VOLATILE plpgsql under READ COMMITTED: the SELECT takes a new snapshot after the lock is
-- granted, so it sees the event committed by the previous holder.
CREATE OR REPLACE FUNCTION audit_append(
  p_id uuid, p_occurred_at timestamp(3), p_actor_user_id uuid, p_organization_id uuid, p_coalition_id uuid,
  p_action text, p_subject_type text, p_subject_id text, p_ip_address text, p_user_agent text, p_request_id text,
  p_metadata jsonb, p_canonical_before text, p_canonical_after text
) RETURNS text AS $$
DECLARE
  prev text;
BEGIN
  PERFORM pg_advisory_xact_lock(4211737);
  SELECT "hash" INTO prev FROM "AuditEvent" ORDER BY "seq" DESC LIMIT 1;
  prev := coalesce(prev, repeat('0', 64));
  INSERT INTO "AuditEvent" ("id", "occurredAt", "actorUserId", "organizationId", "coalitionId", "action", "subjectType", "subjectId", "ipAddress", "userAgent", "requestId", "metadata", "prevHash", "hash")
  VALUES (p_id, p_occurred_at, p_actor_user_id, p_organization_id, p_coalition_id, p_action, p_subject_type, p_subject_id, p_ip_address, p_user_agent, p_request_id, p_metadata,
    prev, encode(sha256(convert_to(p_canonical_before || prev || p_canonical_after, 'UTF8')), 'hex'));
  RETURN prev;
END;
$$ LANGUAGE plpgsql VOLATILE;
