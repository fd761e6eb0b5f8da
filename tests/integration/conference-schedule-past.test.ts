/**
 * Issue #14 defect 9: a conference could be scheduled in 2020. A start in the past is refused with
 * a sentence in the person's language; "now" (up to a few minutes ago, in the coalition's time
 * zone, as the form is filled in) is still a start.
 */
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as conferencesModule from "~/routes/_app.conferences._index";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";

const conferences = withHttpErrors(conferencesModule);
const act = (request: Request) => settle(async () => conferences.action!({ request, params: {}, context: {} } as never));
const startsAtErrors = (body: unknown) => (body as { fieldErrors?: Record<string, string[]> }).fieldErrors?.startsAt;

async function world() {
  const w = await createTwoOrganizationWorld();
  const director = await signedInRequester(w.directorA.email);
  const timeZone = (await db.coalition.findUniqueOrThrow({ where: { id: w.coalition.id } })).timeZone;
  /** The form's value for "now + minutes" as the coalition's clocks show it. */
  const local = (minutes: number) => DateTime.now().setZone(timeZone).plus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");
  const schedule = (startsAt: string, lng = "en") => act(director.post(`/conferences?lng=${lng}`, { intent: "schedule", title: "Housing case review", startsAt, agenda: "", audience: "coalition" }));
  return { ...w, local, schedule };
}

describe("scheduling a conference in the past", () => {
  it("2020-01-01 is refused, in English and in Spanish, and nothing is written", async () => {
    const w = await world();
    const before = await db.conference.count();
    const en = await w.schedule("2020-01-01T09:00", "en");
    expect(en.status).toBe(400);
    expect(startsAtErrors(en.body)?.[0]).toMatch(/^Choose a start time from now on/);
    const es = await w.schedule("2020-01-01T09:00", "es");
    expect(es.status).toBe(400);
    expect(startsAtErrors(es.body)?.[0]).toMatch(/^Elija una hora de inicio a partir de ahora/);
    expect(await db.conference.count()).toBe(before);
  });

  it("earlier today in the coalition's time zone is refused; a start a minute ago (the form filled in slowly) or later today is accepted", async () => {
    const w = await world();
    expect((await w.schedule(w.local(-60))).status).toBe(400);
    for (const minutes of [-1, 90]) {
      const result = await w.schedule(w.local(minutes));
      expect(result.status, `now ${minutes} minutes`).toBe(302);
    }
  });
});
