import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { missedIdentifierCount, missedIdentifiersByMonth, missedReportBehindWithdrawal, reportMissedIdentifier } from "./missed.server";
import { checkTexts } from "./identifiers.server";
import { postMessage } from "./chat.server";
import { saveVignette, shareVignette, withdrawVignette } from "./vignettes.server";
import { scheduleConference } from "./scheduling.server";

const request = { ipAddress: "127.0.0.1", userAgent: "vitest" };

async function world() {
  const w = await createTwoOrganizationWorld();
  const a = { userId: w.directorA.id, userName: "Director A", organizationId: w.orgA.id, request };
  const b = { userId: w.directorB.id, userName: "Director B", organizationId: w.orgB.id, request };
  const conference = await scheduleConference({
    actor: a,
    coalitionId: w.coalition.id,
    input: { title: "Housing case review", startsAt: "2030-01-15T17:00:00Z", agenda: "One vignette", audience: "organizations", organizationIds: [w.orgB.id] },
  });
  return { ...w, a, b, conference };
}

// "the ridge" and "Bluebell" pass the detector: what a participant may still recognise.
const MESSAGE = "He sleeps up at the ridge with Bluebell most nights.";

describe("the check missed this", () => {
  it("hides the message for everyone, teaches the author's organization's lexicon (hashes only) and counts the miss", async () => {
    const w = await world();
    const posted = await postMessage({ actor: w.a, conferenceId: w.conference.id, body: MESSAGE });
    if (posted.status !== "posted") throw new Error("the message should pass the check");
    const [before] = await checkTexts(w.orgA.id, ["Saw Bluebell again today."], w.coalition.id);
    expect(before).toEqual([]);

    const start = MESSAGE.indexOf("Bluebell");
    const result = await reportMissedIdentifier({ actor: w.b, conferenceId: w.conference.id, input: { target: { kind: "message", seq: posted.message.seq }, start, end: start + 8, type: "NAME" } });
    // What the room is told: the hidden message (its text erased) and whose it was.
    expect(result).toMatchObject({ hidden: true, authorOrganizationId: w.orgA.id, authorId: w.directorA.id, type: "NAME", message: { seq: posted.message.seq, body: "", hiddenByName: "Director B" } });

    const message = await db.conferenceMessage.findUniqueOrThrow({ where: { conferenceId_seq: { conferenceId: w.conference.id, seq: posted.message.seq } } });
    expect(message).toMatchObject({ body: "", hiddenByName: "Director B" });
    const row = await db.missedIdentifier.findFirstOrThrow({ where: { conferenceId: w.conference.id } });
    expect(row).toMatchObject({ organizationId: w.orgA.id, coalitionId: w.coalition.id, type: "NAME" });
    expect(JSON.stringify(row)).not.toMatch(/bluebell/i);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "conference.identifier_missed", subjectId: w.conference.id } });
    expect(JSON.stringify(audit.metadata)).not.toMatch(/bluebell/i);

    // The author's organization's check now finds the word; another organization's does not.
    const [after] = await checkTexts(w.orgA.id, ["Saw Bluebell again today."], w.coalition.id);
    expect(after).toMatchObject([{ type: "NAME", text: "Bluebell", source: "lexicon" }]);
    expect((await checkTexts(w.orgB.id, ["Saw Bluebell again today."], w.coalition.id))[0]).toEqual([]);
    expect(await missedIdentifierCount({ coalitionId: w.coalition.id })).toBe(1);
    expect(await missedIdentifierCount({ coalitionId: w.coalition.id, since: new Date(Date.now() + 60_000) })).toBe(0);
  });

  it("withdraws a shared vignette; a mark outside the text is a 400 naming the field and changes nothing", async () => {
    const w = await world();
    const { vignette } = await saveVignette({ actor: w.a, conferenceId: w.conference.id, input: { title: "Stairs", situation: "Lives up at the ridge near the old mill.", strengths: "", needs: "", tried: "", question: "", sdohCategories: [] } });
    await shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: true });
    const target = { kind: "vignette", vignetteId: vignette.id, field: "situation" } as const;

    await expect(reportMissedIdentifier({ actor: w.b, conferenceId: w.conference.id, input: { target, start: 30, end: 300, type: "LOCATION" } })).rejects.toMatchObject({ status: 400, fieldErrors: { end: expect.any(Array) } });
    await expect(reportMissedIdentifier({ actor: w.b, conferenceId: w.conference.id, input: { target, start: 5, end: 2, type: "LOCATION" } })).rejects.toMatchObject({ status: 400 });
    await expect(reportMissedIdentifier({ actor: w.b, conferenceId: w.conference.id, input: { target, start: 0, end: 3, type: "NOPE" } })).rejects.toMatchObject({ status: 400, fieldErrors: { type: expect.any(Array) } });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } })).toMatchObject({ sharedAt: expect.any(Date) });
    expect(await db.missedIdentifier.count({ where: { conferenceId: w.conference.id } })).toBe(0);

    await reportMissedIdentifier({ actor: w.b, conferenceId: w.conference.id, input: { target, start: 15, end: 24, type: "LOCATION" } });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } })).toMatchObject({ sharedAt: null, withdrawnByName: "Director B" });
    // The author's editor says why: the kind of identifier, never the words.
    expect(await missedReportBehindWithdrawal(await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } }))).toEqual({ type: "LOCATION" });
    // Withdrawn, it is no longer shared: a second mark is a 404.
    await expect(reportMissedIdentifier({ actor: w.b, conferenceId: w.conference.id, input: { target, start: 15, end: 24, type: "LOCATION" } })).rejects.toMatchObject({ status: 404 });
  });

  it("a plain withdrawal is not told as a missed identifier", async () => {
    const w = await world();
    const { vignette } = await saveVignette({ actor: w.a, conferenceId: w.conference.id, input: { title: "Stairs", situation: "Lives up at the ridge.", strengths: "", needs: "", tried: "", question: "", sdohCategories: [] } });
    await shareVignette({ actor: w.a, vignetteId: vignette.id, reviewedByAuthor: true });
    expect(await missedReportBehindWithdrawal(await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } }))).toBeNull();
    await withdrawVignette({ actor: w.b, conferenceId: w.conference.id, vignetteId: vignette.id });
    expect(await missedReportBehindWithdrawal(await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } }))).toBeNull();
  });

  it("counts misses per month in the coalition's time zone, zeros included, per type, for its coalition only", async () => {
    const w = await world();
    const other = await createTwoOrganizationWorld();
    const row = (coalitionId: string, createdAt: string, type = "NAME") => ({ coalitionId, conferenceId: w.conference.id, organizationId: w.orgA.id, type, tokens: ["x"], reportedById: w.directorB.id, createdAt: new Date(createdAt) });
    await db.missedIdentifier.createMany({
      data: [
        row(w.coalition.id, "2026-11-30T12:00:00Z"),
        // 1 December 03:00 UTC is still 30 November in Denver.
        row(w.coalition.id, "2026-12-01T03:00:00Z", "LOCATION"),
        row(w.coalition.id, "2026-12-02T18:00:00Z"),
        row(w.coalition.id, "2026-09-10T18:00:00Z"),
        // Outside the window, and another coalition's.
        row(w.coalition.id, "2025-12-10T18:00:00Z"),
        row(other.coalition.id, "2026-12-02T18:00:00Z"),
      ],
    });
    const months = await missedIdentifiersByMonth({ coalitionId: w.coalition.id, timeZone: "America/Denver", months: 4, now: new Date("2026-12-03T08:00:00Z") });
    expect(months).toEqual([
      { month: "2026-09", count: 1, byType: { NAME: 1 } },
      { month: "2026-10", count: 0, byType: {} },
      { month: "2026-11", count: 2, byType: { NAME: 1, LOCATION: 1 } },
      { month: "2026-12", count: 1, byType: { NAME: 1 } },
    ]);
  });
});
