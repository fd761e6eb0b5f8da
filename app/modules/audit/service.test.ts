import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useIsolatedDatabase } from "../../../tests/setup/database";
import { db } from "~/utils/db.server";
import { recordAuditEvent, verifyAuditChain, verifyAuditChainFor, GENESIS_HASH, hashAuditEvent } from "./service.server";

describe("audit trail", () => {
  // These tests tamper with the trail on purpose: on a database of their own.
  let restore: () => Promise<void>;
  beforeAll(async () => {
    restore = await useIsolatedDatabase();
  });
  afterAll(() => restore());

  it("chains every event to the one before it and verifies", async () => {
    await recordAuditEvent({ action: "test.one", subjectType: "Test", subjectId: "1", metadata: { a: 1 } });
    await recordAuditEvent({ action: "test.two", subjectType: "Test", subjectId: "2" });
    const [previous, last] = await db.auditEvent.findMany({ orderBy: { seq: "desc" }, take: 2 }).then((r) => r.reverse());
    expect(last.prevHash).toBe(previous.hash);
    expect(last.hash).toBe(hashAuditEvent(last));
    expect(last.hash).not.toBe(GENESIS_HASH);
    const result = await verifyAuditChain();
    expect(result.ok).toBe(true);
  });

  it("a person's check of the chain is itself recorded: who asked and what it found", async () => {
    const actor = { userId: crypto.randomUUID(), organizationId: crypto.randomUUID(), request: { requestId: "check-1" } };
    const result = await verifyAuditChainFor({ actor });
    expect(result.ok).toBe(true);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "audit.chain_verified", requestId: "check-1" } });
    expect(event).toMatchObject({ actorUserId: actor.userId, organizationId: actor.organizationId, subjectType: "AuditEvent", metadata: { ok: true, checked: result.checked } });
  });

  it("concurrent appends never fork the chain", async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => recordAuditEvent({ action: "test.concurrent", subjectType: "Test", subjectId: String(i) })));
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { hash: true, prevHash: true } });
    const prevHashes = rows.map((r) => r.prevHash);
    expect(new Set(prevHashes).size).toBe(prevHashes.length);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("the database refuses UPDATE and DELETE on audit events", async () => {
    await recordAuditEvent({ action: "test.locked", subjectType: "Test" });
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: "test.locked" } });
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET action = 'x' WHERE id = '${row.id}'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = '${row.id}'`)).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).resolves.toMatchObject({ action: "test.locked" });
  });

  it("verification names the row altered behind the trigger's back", async () => {
    await recordAuditEvent({ action: "test.tamper-target", subjectType: "Test" });
    await recordAuditEvent({ action: "test.after", subjectType: "Test" });
    const target = await db.auditEvent.findFirstOrThrow({ where: { action: "test.tamper-target" } });
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`);
      await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "subjectId" = 'forged' WHERE id = '${target.id}'`);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`);
    });
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, brokenEventId: target.id });
    if (!result.ok) expect(result.reason).toMatch(/altered/);

    // Put the original value back: the chain verifies again (the next test starts intact).
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`);
      await tx.$executeRawUnsafe(`UPDATE "AuditEvent" SET "subjectId" = NULL WHERE id = '${target.id}'`);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`);
    });
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("verification finds a deleted row by the broken link after it", async () => {
    await recordAuditEvent({ action: "test.delete-target", subjectType: "Test" });
    await recordAuditEvent({ action: "test.delete-next", subjectType: "Test" });
    const target = await db.auditEvent.findFirstOrThrow({ where: { action: "test.delete-target" } });
    const next = await db.auditEvent.findFirstOrThrow({ where: { action: "test.delete-next" } });
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_no_update_delete`);
      await tx.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE id = '${target.id}'`);
      await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_no_update_delete`);
    });
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: false, brokenEventId: next.id });
    if (!result.ok) expect(result.reason).toMatch(/removed/);
  });
});
