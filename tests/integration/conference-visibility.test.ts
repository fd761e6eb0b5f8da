/**
 * Issue #13, finding 6: an invitation-only conference appeared on the convener's home page (title,
 * time, host) to someone whose organization then got a 404 opening it. Every list of conferences
 * uses the conference page's own visibility rule: shown in a list exactly when the page opens.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as homeModule from "~/routes/_app.home";
import * as conferencesModule from "~/routes/_app.conferences._index";
import * as roomModule from "~/routes/_app.conferences.$conferenceId._index";
import { scheduleConference } from "~/modules/conference/scheduling.server";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { actorFor } from "../actors";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const home = withHttpErrors(homeModule);
const conferences = withHttpErrors(conferencesModule);
const room = withHttpErrors(roomModule);

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const inTwoDays = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

async function world() {
  const w = await createTwoOrganizationWorld();
  // The convener belongs to org C, a member of the coalition that org A's conference does not invite.
  const orgC = await createOrganization({ coalitionId: w.coalition.id, name: "Org C" });
  const convener = await createUser({ name: "Convener C", memberships: [{ organizationId: orgC.id, role: "DIRECTOR" }], convenerOf: [w.coalition.id] });
  const hostActor = actorFor(w.directorA.id, w.orgA.id, { userName: "Director A" });
  const secret = await scheduleConference({ actor: hostActor, coalitionId: w.coalition.id, input: { title: "Invitation only: A and B", startsAt: inTwoDays(), agenda: "", audience: "organizations", organizationIds: [w.orgB.id] } });
  const open = await scheduleConference({ actor: hostActor, coalitionId: w.coalition.id, input: { title: "Whole coalition", startsAt: inTwoDays(), agenda: "", audience: "coalition", organizationIds: [] } });
  return { ...w, orgC, convenerC: convener, secret, open, requester: await signedInRequester(convener.email) };
}

type HomeBody = { convener: { ok: true; data: { upcoming: { id: string; title: string }[] } } | null };
type ListBody = { lists: { ok: true; data: { upcoming: { id: string }[]; past: { id: string }[] } } };

async function whatTheConvenerSees(w: Awaited<ReturnType<typeof world>>) {
  const homePage = await settle(() => home.loader(args(w.requester.get("/home"))));
  expect(homePage.status).toBe(200);
  const convener = (homePage.body as HomeBody).convener;
  expect(convener?.ok).toBe(true);
  const list = await settle(() => conferences.loader(args(w.requester.get("/conferences"))));
  expect(list.status).toBe(200);
  const { lists } = list.body as ListBody;
  const page = await settle(() => room.loader(args(w.requester.get(`/conferences/${w.secret.id}`), { conferenceId: w.secret.id })));
  return {
    onHome: convener!.data.upcoming.map((c) => c.id),
    onList: [...lists.data.upcoming, ...lists.data.past].map((c) => c.id),
    pageStatus: page.status,
    homeText: JSON.stringify(homePage.body),
  };
}

describe("one visibility rule for conference pages and lists", () => {
  it("a convener whose organization is not invited sees the conference on no list (and gets the page's 404)", async () => {
    const w = await world();
    const seen = await whatTheConvenerSees(w);
    expect(seen.pageStatus).toBe(404);
    expect(seen.onHome).toEqual([w.open.id]);
    expect(seen.onList).toEqual([w.open.id]);
    expect(seen.homeText).not.toContain("Invitation only");
  });

  it("once the convener's organization is invited, the conference is on the home page, on the list and opens", async () => {
    const w = await world();
    await db.conferenceInvitation.create({ data: { conferenceId: w.secret.id, organizationId: w.orgC.id } });
    const seen = await whatTheConvenerSees(w);
    expect(seen.pageStatus).toBe(200);
    expect(seen.onHome.sort()).toEqual([w.open.id, w.secret.id].sort());
    expect(seen.onList.sort()).toEqual([w.open.id, w.secret.id].sort());
  });
});
