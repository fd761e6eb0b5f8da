/** The chain's append in one database statement (ADR 052): concurrent appends never fork it, and the hash is the one verification recomputes. */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { hashAuditEvent, recordAuditEvent, verifyAuditChain } from "./service.server";

describe("audit append", () => {
  it("stores the hash verification recomputes, with non-ASCII text and nested metadata", async () => {
    const subjectId = crypto.randomUUID();
    await recordAuditEvent({ action: "test.append", subjectType: "Test", subjectId, metadata: { name: "María Elena Ortiz — ñ ü 漢字 \"quoted\" \\ back", nested: { list: [1, 2.5, null, true], empty: {} } }, request: { userAgent: "vitest ✓" } });
    const row = await db.auditEvent.findFirstOrThrow({ where: { subjectId } });
    expect(row.hash).toBe(hashAuditEvent(row));
    const previous = await db.auditEvent.findFirst({ where: { seq: { lt: row.seq } }, orderBy: { seq: "desc" } });
    expect(row.prevHash).toBe(previous?.hash ?? "0".repeat(64));
  });

  it("forty concurrent appends, inside and outside other transactions, make one unbroken chain", async () => {
    const before = await db.auditEvent.count();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2 ? recordAuditEvent({ action: "test.concurrent", subjectType: "Test", metadata: { i } }) : db.$transaction((tx) => recordAuditEvent({ action: "test.concurrent", subjectType: "Test", metadata: { i } }, tx)),
      ),
    );
    expect(await db.auditEvent.count()).toBe(before + 40);
    expect(await verifyAuditChain()).toMatchObject({ ok: true });
    // No two events claim the same predecessor.
    const forks = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (SELECT "prevHash" FROM "AuditEvent" GROUP BY "prevHash" HAVING count(*) > 1) f`;
    expect(Number(forks[0].n)).toBe(0);
  });
});
