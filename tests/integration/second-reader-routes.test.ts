/**
 * The optional second reader through its pages (ADR 093): only the convener turns it on; sharing
 * then answers 409 in words until a colleague of the author's organization approves on the review
 * page; the author gets a 403 there, another organization a 404, a malformed id a 400.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { detectIdentifiers } from "~/modules/deid/detect.server";
import * as settingsModule from "~/routes/_app.coalition.settings";
import * as vignettePageModule from "~/routes/_app.conferences.$conferenceId.vignette";
import * as reviewModule from "~/routes/_app.conferences.$conferenceId.review";
import { scheduleConference } from "~/modules/conference/scheduling.server";
import { saveVignette } from "~/modules/conference/vignettes.server";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";

const settings = withHttpErrors(settingsModule);
const vignettePage = withHttpErrors(vignettePageModule);
const review = withHttpErrors(reviewModule);
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const request = { ipAddress: "127.0.0.1", userAgent: "vitest" };

describe("second reader pages", () => {
  // Loading the detector's word lists (seconds, more on a busy machine) is set-up, not what is tested: its own budget.
  beforeAll(() => {
    detectIdentifiers("warm-up");
  }, 120_000);

  it("the convener turns it on; sharing waits for a colleague's approval on the review page", async () => {
    const w = await createTwoOrganizationWorld();
    const [author, colleague, partner, convener] = await Promise.all([w.directorA, w.careManagerA, w.directorB, w.convener].map((u) => signedInRequester(u.email)));

    // A director who is not a convener cannot change the setting.
    expect((await settle(() => settings.action(args(author.post("/coalition/settings", { intent: "second-reader", required: "on" }))))).status).toBe(403);
    expect((await settle(() => settings.action(args(convener.post("/coalition/settings", { intent: "second-reader", required: "on" }))))).status).toBe(200);
    expect(await db.coalition.findUniqueOrThrow({ where: { id: w.coalition.id } })).toMatchObject({ requireSecondReader: true });

    const actor = { userId: w.directorA.id, userName: "Director A", organizationId: w.orgA.id, request };
    const conference = await scheduleConference({ actor, coalitionId: w.coalition.id, input: { title: "Second reader", startsAt: "2030-01-15T17:00:00Z", agenda: "", audience: "organizations", organizationIds: [w.orgB.id] } });
    const { vignette } = await saveVignette({ actor, conferenceId: conference.id, input: { title: "Stairs", situation: "Lives alone and cannot manage the stairs.", strengths: "", needs: "", tried: "", question: "", sdohCategories: [] } });
    const params = { conferenceId: conference.id };
    const share = () => settle(() => vignettePage.action(args(author.post(`/conferences/${conference.id}/vignette`, { intent: "share", vignetteId: vignette.id, reviewed: "on" }), params)));

    const refused = await share();
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain("Waiting for a second reader");

    const url = `/conferences/${conference.id}/review?id=${vignette.id}`;
    expect((await settle(() => review.loader(args(partner.get(url), params)))).status).toBe(404);
    expect((await settle(() => review.loader(args(author.get(url), params)))).status).toBe(403);
    expect((await settle(() => review.loader(args(colleague.get(`/conferences/${conference.id}/review?id=nope`), params)))).status).toBe(400);
    expect((await settle(() => review.loader(args(colleague.get(url), params)))).status).toBe(200);
    expect((await settle(() => review.action(args(colleague.post(url, { intent: "approve", vignetteId: "nope" }), params)))).status).toBe(400);

    expect((await settle(() => review.action(args(colleague.post(url, { intent: "approve", vignetteId: vignette.id }), params)))).status).toBe(200);
    expect((await share()).status).toBe(302);
  });
});
