/**
 * The care plan page's assessment, goal-note and care-team forms at the HTTP edge (issue #15, ADR
 * 100): bad input is a 400 naming the field in the reader's language, never a 500 or an encoded
 * key; an unauthorized organization is refused on its field; good forms change the plan; a
 * consented partner's page data carries no assessment, goal notes or team.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as planModule from "~/routes/_app.clients.$clientId.plan";
import { addGoal, enrollClient } from "~/modules/care/service.server";
import { addProgressNote } from "~/modules/care/goal-entries.server";
import { createOrganization, createTwoOrganizationWorld } from "../factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";

const plan = withHttpErrors(planModule);
type Body = { formError?: string; fieldErrors?: Record<string, string[]>; done?: string };

describe("the care plan page's assessment, goal notes and team at the edge", () => {
  let cookie: string;
  let partnerCookie: string;
  let clientId: string;
  let goalId: string;
  let orgC: { id: string; name: string };
  beforeAll(async () => {
    const world = await createTwoOrganizationWorld();
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    orgC = await createOrganization({ coalitionId: world.coalition.id, name: "Casa Vivienda" });
    clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    ({ goalId } = await addGoal({ actor: cm, clientId, input: { text: "Get back to church" } }));
    await addProgressNote({ actor: cm, clientId, input: { goalId, text: "Went to Sunday service" } });
    await createAuthorization(cm, clientId, { recipientIds: [world.orgB.id], categories: ["CARE_PLAN"] });
    cookie = (await signedInRequester(world.careManagerA.email)).cookie;
    partnerCookie = (await signedInRequester(world.directorB.email)).cookie;
  });

  const post = (fields: Record<string, string | string[]>, lng = "en", as = cookie) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
    return settle(async () => plan.action!({ request: new Request(`http://localhost/clients/${clientId}/plan?lng=${lng}`, { method: "POST", headers: { cookie: as, "content-type": "application/x-www-form-urlencoded" }, body }), params: { clientId }, context: {} } as never));
  };
  const load = (as: string) => settle(async () => plan.loader!({ request: new Request(`http://localhost/clients/${clientId}/plan`, { headers: { cookie: as } }), params: { clientId }, context: {} } as never));

  it("assessment: bad input is a 400 naming the field, in English and Spanish; a good section saves", async () => {
    const future = await post({ intent: "save-assessment-section", section: "STRENGTHS", text: "Kind", completedOn: "2099-01-01" }, "es");
    expect(future.status).toBe(400);
    expect((future.body as Body).fieldErrors?.completedOn).toEqual(["Una sección no puede completarse en un día futuro"]);
    const noWords = await post({ intent: "save-assessment-section", section: "WHAT_MATTERS", text: "", completedOn: isoDay(0) });
    expect((noWords.body as Body).fieldErrors?.text).toEqual(["Write this section in the person's own words"]);
    const wrongDomain = await post({ intent: "save-assessment-section", section: "NEEDS_EDUCATION", sdohCodes: ["food-insecurity"], completedOn: isoDay(0) });
    expect(Object.keys((wrongDomain.body as Body).fieldErrors ?? {})).toEqual(["sdohCodes"]);
    const badSection = await post({ intent: "save-assessment-section", section: "EVERYTHING", completedOn: isoDay(0) });
    expect(badSection.status).toBe(400);
    expect(Object.keys((badSection.body as Body).fieldErrors ?? {})).toContain("section");
    const good = await post({ intent: "save-assessment-section", section: "NEEDS_ECONOMIC_STABILITY", sdohCodes: ["food-insecurity", "housing-instability"], completedOn: isoDay(0) });
    expect(good.status).toBe(200);
    expect((good.body as Body).done).toBe("save-assessment-section");
    expect(JSON.stringify([future.body, noWords.body, wrongDomain.body, badSection.body])).not.toMatch(/i18n:|careAssessment\./);
  });

  it("goal notes: an empty or too long note, an unknown goal — 400 on the field; good ones save", async () => {
    expect(((await post({ intent: "add-intervention", goalId, text: " " }, "es")).body as Body).fieldErrors?.text).toEqual(["Diga qué se hará"]);
    expect(((await post({ intent: "add-progress-note", goalId, text: "x".repeat(2001) })).body as Body).fieldErrors?.text).toEqual(["Use at most 2000 characters"]);
    expect(((await post({ intent: "add-progress-note", goalId: crypto.randomUUID(), text: "x" })).body as Body).fieldErrors?.goalId).toBeTruthy();
    expect((await post({ intent: "add-intervention", goalId, text: "Rides on Sunday" })).status).toBe(200);
  });

  it("team: an organization the client has not authorized is refused on its field, in Spanish too; removing asks for confirmation", async () => {
    const refused = await post({ intent: "add-team-member", memberOrganizationId: orgC.id, name: "Rosa Díaz", role: "Orientadora de vivienda" }, "es");
    expect(refused.status).toBe(400);
    expect((refused.body as Body).fieldErrors?.memberOrganizationId?.[0]).toBe("Ninguna autorización vigente que cubra «Plan de atención y metas» nombra a Casa Vivienda. Registre primero la autorización del cliente.");
    expect(JSON.stringify(refused.body)).not.toMatch(/i18n:|careTeam\./);
    const noRole = await post({ intent: "add-team-member", memberOrganizationId: orgC.id, name: "Rosa", role: "" });
    expect(Object.keys((noRole.body as Body).fieldErrors ?? {})).toEqual(["role"]);
    const noConfirm = await post({ intent: "remove-team-member", teamMemberId: crypto.randomUUID() });
    expect(Object.keys((noConfirm.body as Body).fieldErrors ?? {})).toEqual(["confirm"]);
  });

  it("the client's organization loads the assessment, notes and team; a consented partner's page data has none of them", async () => {
    const own = await load(cookie);
    expect(own.status).toBe(200);
    const data = own.body as { assessment: { sectionsDone: number } | null; goalEntries: Record<string, unknown>; team: unknown[]; teamOptions: { id: string }[] };
    expect(data.assessment?.sectionsDone).toBe(1);
    expect(JSON.stringify(data.goalEntries)).toContain("Went to Sunday service");
    const shared = await load(partnerCookie);
    expect(shared.status).toBe(200);
    const body = shared.body as { view: { access: string }; assessment: unknown; goalEntries: unknown; team: unknown[] };
    expect(body.view.access).toBe("shared");
    expect(body.assessment).toBeNull();
    expect(body.goalEntries).toEqual({});
    expect(body.team).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/Sunday service|Rides on Sunday/);
  });
});
