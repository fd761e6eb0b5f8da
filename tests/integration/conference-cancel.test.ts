/**
 * Issue #13, finding 2: there was no way to cancel a conference. The host organization cancels it
 * from the room page (behind a confirmation); it is audited, leaves every upcoming list, takes no
 * more messages, and its room page says who cancelled it. Nobody else can cancel it.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as homeModule from "~/routes/_app.home";
import * as indexModule from "~/routes/_app.conferences._index";
import * as roomModule from "~/routes/_app.conferences.$conferenceId._index";
import { endConference } from "~/modules/conference/scheduling.server";
import { postMessage } from "~/modules/conference/chat.server";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { actorFor } from "../actors";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const home = withHttpErrors(homeModule);
const index = withHttpErrors(indexModule);
const room = withHttpErrors(roomModule);

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function world() {
  const w = await createTwoOrganizationWorld();
  const orgC = await createOrganization({ coalitionId: w.coalition.id, name: "Org C" });
  const directorC = await createUser({ memberships: [{ organizationId: orgC.id, role: "DIRECTOR" }] });
  const convenerB = await createUser({ name: "Convener B", memberships: [{ organizationId: w.orgB.id, role: "VIEWER" }], convenerOf: [w.coalition.id] });
  const [a, b, c, convener] = await Promise.all([signedInRequester(w.directorA.email), signedInRequester(w.directorB.email), signedInRequester(directorC.email), signedInRequester(convenerB.email)]);
  const startsAt = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
  const scheduled = await settle(() => index.action(args(a.post("/conferences", { intent: "schedule", title: "Housing case review", startsAt, agenda: "", audience: "organizations", organizationIds: w.orgB.id }))));
  expect(scheduled.status).toBe(302);
  const conferenceId = scheduled.headers.get("location")!.split("/").pop()!;
  return { ...w, a, b, c, convener, conferenceId };
}

const cancel = (requester: { post: (path: string, fields: Record<string, string>) => Request }, conferenceId: string) =>
  settle(() => room.action(args(requester.post(`/conferences/${conferenceId}`, { intent: "cancel" }), { conferenceId })));

describe("cancelling a conference", () => {
  it("the host cancels: audited, off every upcoming list, kept as cancelled, and the room says who cancelled it", async () => {
    const w = await world();
    const upcomingFor = async (requester: typeof w.b) => {
      const { body } = await settle(() => index.loader(args(requester.get("/conferences"))));
      return (body as { lists: { ok: true; data: { upcoming: { id: string }[]; past: { id: string; cancelled: boolean }[] } } }).lists.data;
    };
    const convenerHome = async () => ((await settle(() => home.loader(args(w.convener.get("/home"))))).body as { convener: { data: { upcoming: { id: string }[] } } }).convener.data.upcoming.map((c) => c.id);
    expect((await upcomingFor(w.b)).upcoming.map((c) => c.id)).toEqual([w.conferenceId]);
    expect(await convenerHome()).toEqual([w.conferenceId]);
    const roomBefore = await settle(() => room.loader(args(w.a.get(`/conferences/${w.conferenceId}`), { conferenceId: w.conferenceId })));
    expect((roomBefore.body as { canCancel: boolean }).canCancel).toBe(true);

    expect((await cancel(w.a, w.conferenceId)).status).toBe(200);

    const stored = await db.conference.findUniqueOrThrow({ where: { id: w.conferenceId } });
    expect(stored).toMatchObject({ status: "ENDED", cancelledById: w.directorA.id });
    expect(stored.cancelledAt).toBeInstanceOf(Date);
    const audits = await db.auditEvent.findMany({ where: { action: "conference.cancelled", subjectId: w.conferenceId } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorUserId: w.directorA.id, organizationId: w.orgA.id, coalitionId: w.coalition.id });

    const forB = await upcomingFor(w.b);
    expect(forB.upcoming).toEqual([]);
    expect(forB.past).toEqual([expect.objectContaining({ id: w.conferenceId, cancelled: true })]);
    expect(await convenerHome()).toEqual([]);

    const roomAfter = await settle(() => room.loader(args(w.b.get(`/conferences/${w.conferenceId}`), { conferenceId: w.conferenceId })));
    expect(roomAfter.status).toBe(200);
    expect((roomAfter.body as { cancelled: { byName: string } | null; canCancel: boolean })).toMatchObject({ cancelled: { byName: "Director A" }, canCancel: false });

    // A cancelled conference takes no more messages; cancelling again changes nothing.
    await expect(postMessage({ actor: actorFor(w.directorB.id, w.orgB.id, { userName: "Director B" }), conferenceId: w.conferenceId, body: "Still on?" })).rejects.toMatchObject({ status: 409 });
    expect((await cancel(w.a, w.conferenceId)).status).toBe(200);
    expect(await db.auditEvent.count({ where: { action: "conference.cancelled", subjectId: w.conferenceId } })).toBe(1);
  });

  it("an invited organization cannot cancel (403), another organization does not see it (404), and nothing changes", async () => {
    const w = await world();
    expect((await cancel(w.b, w.conferenceId)).status).toBe(403);
    expect((await cancel(w.c, w.conferenceId)).status).toBe(404);
    expect((await cancel(w.a, "not-a-conference")).status).toBe(404);
    const stored = await db.conference.findUniqueOrThrow({ where: { id: w.conferenceId } });
    expect(stored).toMatchObject({ status: "SCHEDULED", cancelledAt: null });
    expect(await db.auditEvent.count({ where: { action: "conference.cancelled", subjectId: w.conferenceId } })).toBe(0);
  });

  it("a conference that has ended can no longer be cancelled (409)", async () => {
    const w = await world();
    await endConference({ actor: actorFor(w.directorA.id, w.orgA.id, { userName: "Director A" }), conferenceId: w.conferenceId });
    expect((await cancel(w.a, w.conferenceId)).status).toBe(409);
    expect((await db.conference.findUniqueOrThrow({ where: { id: w.conferenceId } })).cancelledAt).toBeNull();
  });
});
