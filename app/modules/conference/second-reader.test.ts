import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { detectIdentifiers } from "~/modules/deid/detect.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { scheduleConference } from "./scheduling.server";
import { saveVignette, shareVignette, withdrawVignette } from "./vignettes.server";
import { approveVignette, awaitingSecondReader, openForSecondReader, setSecondReaderRequired } from "./second-reader.server";

const request = { ipAddress: "127.0.0.1", userAgent: "vitest" };
const CLEAN = { title: "Stairs", situation: "Lives alone and cannot manage the stairs any more.", strengths: "", needs: "", tried: "", question: "", sdohCategories: [] };

async function world({ required }: { required: boolean }) {
  const w = await createTwoOrganizationWorld();
  const author = { userId: w.directorA.id, userName: "Director A", organizationId: w.orgA.id, request };
  const colleague = { userId: w.careManagerA.id, userName: "Care Manager A", organizationId: w.orgA.id, request };
  const partner = { userId: w.directorB.id, userName: "Director B", organizationId: w.orgB.id, request };
  const conference = await scheduleConference({
    actor: author,
    coalitionId: w.coalition.id,
    input: { title: "Housing case review", startsAt: "2030-01-15T17:00:00Z", agenda: "", audience: "organizations", organizationIds: [w.orgB.id] },
  });
  if (required) await setSecondReaderRequired({ actor: author, coalitionId: w.coalition.id, required: true });
  const { vignette } = await saveVignette({ actor: author, conferenceId: conference.id, input: CLEAN });
  return { ...w, author, colleague, partner, conference, vignette };
}

describe("the optional second reader", () => {
  // Loading the detector's word lists (seconds, more on a busy machine) is set-up, not what is tested: its own budget.
  beforeAll(() => {
    detectIdentifiers("warm-up");
  }, 120_000);

  it("off (the default): the author shares alone", async () => {
    const w = await world({ required: false });
    await expect(shareVignette({ actor: w.author, vignetteId: w.vignette.id, reviewedByAuthor: true })).resolves.toMatchObject({ sharedAt: expect.any(Date) });
    expect(await awaitingSecondReader({ actor: w.colleague, conferenceId: w.conference.id })).toEqual([]);
  });

  it("on: sharing waits for a colleague of the author's organization, never the author or a partner; a new save needs a new approval", async () => {
    const w = await world({ required: true });
    const ids = { conferenceId: w.conference.id, vignetteId: w.vignette.id };
    await expect(shareVignette({ actor: w.author, vignetteId: w.vignette.id, reviewedByAuthor: true })).rejects.toMatchObject({ status: 409, message: expect.stringContaining("conference.secondReader.waiting") });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: w.vignette.id } })).toMatchObject({ sharedAt: null });

    // The colleague sees it waiting; the author and a partner organization do not.
    expect(await awaitingSecondReader({ actor: w.colleague, conferenceId: w.conference.id })).toEqual([{ id: w.vignette.id, title: "Stairs", authorName: "Director A" }]);
    expect(await awaitingSecondReader({ actor: w.author, conferenceId: w.conference.id })).toEqual([]);
    expect(await awaitingSecondReader({ actor: w.partner, conferenceId: w.conference.id })).toEqual([]);

    await expect(approveVignette({ actor: w.author, ...ids })).rejects.toMatchObject({ status: 403 });
    await expect(approveVignette({ actor: w.partner, ...ids })).rejects.toMatchObject({ status: 404 });
    await expect(openForSecondReader({ actor: w.partner, ...ids })).rejects.toMatchObject({ status: 404 });
    expect((await openForSecondReader({ actor: w.colleague, ...ids })).vignette.situation).toBe(CLEAN.situation);

    await approveVignette({ actor: w.colleague, ...ids });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: w.vignette.id } })).toMatchObject({ approvedById: w.careManagerA.id, approvedByName: "Care Manager A" });
    expect(await db.auditEvent.count({ where: { action: "conference.vignette_approved", subjectId: w.vignette.id } })).toBe(1);
    expect(await awaitingSecondReader({ actor: w.colleague, conferenceId: w.conference.id })).toEqual([]);

    // The author changes the text: the approval was for the old one.
    await saveVignette({ actor: w.author, conferenceId: w.conference.id, vignetteId: w.vignette.id, input: { ...CLEAN, needs: "A ground-floor flat." } });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: w.vignette.id } })).toMatchObject({ approvedAt: null });
    await expect(shareVignette({ actor: w.author, vignetteId: w.vignette.id, reviewedByAuthor: true })).rejects.toMatchObject({ status: 409 });

    await approveVignette({ actor: w.colleague, ...ids });
    await expect(shareVignette({ actor: w.author, vignetteId: w.vignette.id, reviewedByAuthor: true })).resolves.toMatchObject({ sharedAt: expect.any(Date) });
    // Shared, it is no longer a draft to approve.
    await expect(approveVignette({ actor: w.colleague, ...ids })).rejects.toMatchObject({ status: 404 });

    // Withdrawn (it could identify someone): read again before it is shared again.
    await withdrawVignette({ actor: w.partner, conferenceId: w.conference.id, vignetteId: w.vignette.id });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: w.vignette.id } })).toMatchObject({ sharedAt: null, approvedAt: null });
  });

  it("a vignette the check still flags cannot be approved", async () => {
    const w = await world({ required: true });
    await saveVignette({ actor: w.author, conferenceId: w.conference.id, vignetteId: w.vignette.id, input: { ...CLEAN, situation: "Mr. Okonkwo, call 719-555-0101." } });
    await expect(approveVignette({ actor: w.colleague, conferenceId: w.conference.id, vignetteId: w.vignette.id })).rejects.toMatchObject({ status: 409 });
    expect(await db.vignette.findUniqueOrThrow({ where: { id: w.vignette.id } })).toMatchObject({ approvedAt: null });
  });
});
