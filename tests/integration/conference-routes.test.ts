/**
 * Conference pages through their loaders and actions: bad input answers 400 and writes nothing,
 * another organization's conference is a 404 on every page, only authors change vignettes, and
 * only the owner's organization marks a next step done.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import * as indexModule from "~/routes/_app.conferences._index";
import * as roomModule from "~/routes/_app.conferences.$conferenceId._index";
import * as vignettePageModule from "~/routes/_app.conferences.$conferenceId.vignette";
import * as summaryModule from "~/routes/_app.conferences.$conferenceId.summary";
import { addNextStep } from "~/modules/conference/next-steps.server";
import { postMessage } from "~/modules/conference/chat.server";
import { saveVignette } from "~/modules/conference/vignettes.server";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { actorFor } from "../actors";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const index = withHttpErrors(indexModule);
const room = withHttpErrors(roomModule);
const vignettePage = withHttpErrors(vignettePageModule);
const summary = withHttpErrors(summaryModule);

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });

async function world() {
  const w = await createTwoOrganizationWorld();
  const orgC = await createOrganization({ coalitionId: w.coalition.id, name: "Org C" });
  const directorC = await createUser({ memberships: [{ organizationId: orgC.id, role: "DIRECTOR" }] });
  const [a, b, c] = await Promise.all([signedInRequester(w.directorA.email), signedInRequester(w.directorB.email), signedInRequester(directorC.email)]);
  const scheduled = await settle(() =>
    index.action(args(a.post("/conferences", { intent: "schedule", title: "Route review", startsAt: "2030-03-01T09:00", agenda: "", audience: "organizations", organizationIds: w.orgB.id }))),
  );
  expect(scheduled.status).toBe(302);
  const conferenceId = scheduled.headers.get("location")!.split("/").pop()!;
  return { ...w, orgC, a, b, c, conferenceId };
}

describe("conference pages", () => {
  it("scheduling with bad input answers 400 with field messages and creates nothing", async () => {
    const w = await createTwoOrganizationWorld();
    const a = await signedInRequester(w.directorA.email);
    const before = await db.conference.count();
    const result = await settle(() => index.action(args(a.post("/conferences", { intent: "schedule", title: "", startsAt: "", audience: "organizations" }))));
    expect(result.status).toBe(400);
    const body = result.body as { fieldErrors: Record<string, string[]> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["organizationIds", "startsAt", "title"].sort());
    expect(await db.conference.count()).toBe(before);
  });

  it("times are read in the coalition's time zone", async () => {
    const w = await world();
    const conference = await db.conference.findUniqueOrThrow({ where: { id: w.conferenceId } });
    expect(conference.startsAt.toISOString()).toBe("2030-03-01T16:00:00.000Z"); // 09:00 in America/Denver
  });

  it("another organization's conference is a 404 on the room, vignette and summary pages", async () => {
    const w = await world();
    for (const loader of [room.loader, vignettePage.loader, summary.loader]) {
      expect((await settle(() => loader(args(w.c.get(`/conferences/${w.conferenceId}`), { conferenceId: w.conferenceId })))).status).toBe(404);
      expect((await settle(() => loader(args(w.b.get(`/conferences/${w.conferenceId}`), { conferenceId: w.conferenceId })))).status).toBe(200);
    }
  });

  it("a vignette: bad input is a 400; another person's vignette cannot be opened or dismissed", async () => {
    const w = await world();
    const bad = await settle(() => vignettePage.action(args(w.a.post(`/conferences/${w.conferenceId}/vignette`, { intent: "save-vignette", title: "x", sdohCategories: "not-a-category" }), { conferenceId: w.conferenceId })));
    expect(bad.status).toBe(400);
    expect(await db.vignette.count({ where: { conferenceId: w.conferenceId } })).toBe(0);

    const { vignette } = await saveVignette({
      actor: actorFor(w.directorA.id, w.orgA.id, { userName: "A" }),
      conferenceId: w.conferenceId,
      input: { title: "Draft", situation: "Call 303-555-0100", strengths: "", needs: "", tried: "", question: "", sdohCategories: [] },
    });
    const opened = await settle(() => vignettePage.loader(args(w.b.get(`/conferences/${w.conferenceId}/vignette?id=${vignette.id}`), { conferenceId: w.conferenceId })));
    expect(opened.status).toBe(404);
    const dismissed = await settle(() =>
      vignettePage.action(args(w.b.post(`/conferences/${w.conferenceId}/vignette`, { intent: "dismiss", vignetteId: vignette.id, field: "situation", type: "PHONE", text: "303-555-0100", reason: "not a phone" }), { conferenceId: w.conferenceId })),
    );
    expect(dismissed.status).toBe(403);
    const unconfirmed = await settle(() => vignettePage.action(args(w.a.post(`/conferences/${w.conferenceId}/vignette`, { intent: "share", vignetteId: vignette.id }), { conferenceId: w.conferenceId })));
    expect(unconfirmed.status).toBe(400);
    expect(JSON.stringify(unconfirmed.body)).toContain("tick the box");
    const share = await settle(() => vignettePage.action(args(w.a.post(`/conferences/${w.conferenceId}/vignette`, { intent: "share", vignetteId: vignette.id, reviewed: "on" }), { conferenceId: w.conferenceId })));
    expect(share.status).toBe(409);
    expect(await db.vignetteDismissal.count({ where: { vignetteId: vignette.id } })).toBe(0);
    expect((await db.vignette.findUniqueOrThrow({ where: { id: vignette.id } })).sharedAt).toBeNull();
  });

  it("only the owner's organization marks a next step done on the summary page", async () => {
    const w = await world();
    const step = await addNextStep({
      actor: actorFor(w.directorA.id, w.orgA.id, { userName: "A" }),
      conferenceId: w.conferenceId,
      input: { what: "Send the template", ownerName: "B", ownerOrganizationId: w.orgB.id, dueDate: "2030-03-10" },
    });
    const path = `/conferences/${w.conferenceId}/summary`;
    expect((await settle(() => summary.action(args(w.a.post(path, { intent: "done", nextStepId: step.id }), { conferenceId: w.conferenceId })))).status).toBe(403);
    expect((await settle(() => summary.action(args(w.c.post(path, { intent: "done", nextStepId: step.id }), { conferenceId: w.conferenceId })))).status).toBe(404);
    expect((await db.nextStep.findUniqueOrThrow({ where: { id: step.id } })).doneAt).toBeNull();
    expect((await settle(() => summary.action(args(w.b.post(path, { intent: "done", nextStepId: step.id }), { conferenceId: w.conferenceId })))).status).toBe(200);
    expect((await db.nextStep.findUniqueOrThrow({ where: { id: step.id } })).doneAt).not.toBeNull();
  });

  it("the summary page hides a message for participants only; bad input is a 400 and changes nothing", async () => {
    const w = await world();
    const posted = await postMessage({ actor: actorFor(w.directorA.id, w.orgA.id, { userName: "A" }), conferenceId: w.conferenceId, body: "We met at the old depot." });
    if (posted.status !== "posted") throw new Error("expected the message to be posted");
    const path = `/conferences/${w.conferenceId}/summary`;
    const body = async () => (await db.conferenceMessage.findFirstOrThrow({ where: { conferenceId: w.conferenceId, seq: posted.message.seq } })).body;
    expect((await settle(() => summary.action(args(w.b.post(path, { intent: "hide", seq: "first" }), { conferenceId: w.conferenceId })))).status).toBe(400);
    expect((await settle(() => summary.action(args(w.c.post(path, { intent: "hide", seq: String(posted.message.seq) }), { conferenceId: w.conferenceId })))).status).toBe(404);
    expect(await body()).toBe("We met at the old depot.");
    expect((await settle(() => summary.action(args(w.b.post(path, { intent: "hide", seq: String(posted.message.seq) }), { conferenceId: w.conferenceId })))).status).toBe(200);
    expect(await body()).toBe("");
  });
});
