import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createTwoOrganizationWorld } from "../../../tests/factories";
import { openOwnVignette } from "./queries.server";

async function world() {
  const w = await createTwoOrganizationWorld();
  const conference = (host: string) => db.conference.create({ data: { coalitionId: w.coalition.id, hostOrganizationId: host, createdById: w.directorA.id, title: "Case review", startsAt: new Date("2030-01-01T10:00:00Z"), wholeCoalition: true } });
  const [one, two] = [await conference(w.orgA.id), await conference(w.orgA.id)];
  const vignette = await db.vignette.create({ data: { conferenceId: one.id, authorId: w.directorA.id, authorName: "Director A", authorOrganizationId: w.orgA.id, title: "A family", situation: "Needs housing" } });
  await db.vignetteDismissal.create({ data: { vignetteId: vignette.id, field: "situation", type: "NAME", text: "Needs", reason: "Not a name", dismissedById: w.directorA.id } });
  const actor = (userId: string, organizationId: string) => ({ userId, organizationId, request: { requestId: crypto.randomUUID() } });
  return { ...w, one, two, vignette, author: actor(w.directorA.id, w.orgA.id), other: actor(w.directorB.id, w.orgB.id) };
}

const viewedEvents = (vignetteId: string) => db.auditEvent.findMany({ where: { action: "conference.vignette_viewed", subjectId: vignetteId } });

describe("opening a vignette draft in the editor", () => {
  it("the author gets it with its dismissals, and the read is audited", async () => {
    const w = await world();
    const found = await openOwnVignette({ actor: w.author, conferenceId: w.one.id, vignetteId: w.vignette.id });
    expect(found).toMatchObject({ id: w.vignette.id, situation: "Needs housing", dismissals: [{ field: "situation", text: "Needs" }] });
    expect(await viewedEvents(w.vignette.id)).toMatchObject([{ actorUserId: w.directorA.id, organizationId: w.orgA.id, subjectType: "Vignette", metadata: { conferenceId: w.one.id } }]);
  });

  it("someone else's vignette, another conference's, or an unknown id is a 404 and nothing is audited as read", async () => {
    const w = await world();
    await expect(openOwnVignette({ actor: w.other, conferenceId: w.one.id, vignetteId: w.vignette.id })).rejects.toMatchObject({ status: 404 });
    await expect(openOwnVignette({ actor: w.author, conferenceId: w.two.id, vignetteId: w.vignette.id })).rejects.toMatchObject({ status: 404 });
    await expect(openOwnVignette({ actor: w.author, conferenceId: w.one.id, vignetteId: crypto.randomUUID() })).rejects.toMatchObject({ status: 404 });
    expect(await viewedEvents(w.vignette.id)).toEqual([]);
  });
});
