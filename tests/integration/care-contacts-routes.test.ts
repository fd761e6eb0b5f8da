/**
 * Levels, contacts, cadence and supervision at the HTTP edge (issue #15, ADR 097): bad input is a
 * 400 naming the field, in the reader's language; a good form changes the plan; the supervision
 * page is a director's, and the cadence form a convener's.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as planModule from "~/routes/_app.clients.$clientId.plan";
import * as supervisionModule from "~/routes/_app.caseload_.supervision";
import * as settingsModule from "~/routes/_app.coalition.settings";
import { enrollClient } from "~/modules/care/service.server";
import { createTwoOrganizationWorld } from "../factories";
import { actorFor, createClient } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";

const plan = withHttpErrors(planModule);
const supervision = withHttpErrors(supervisionModule);
const settings = withHttpErrors(settingsModule);
type Body = { formError?: string; fieldErrors?: Record<string, string[]>; done?: string };

const post = (url: string, cookie: string, fields: Record<string, string>) =>
  new Request(url, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });

describe("levels, contacts, cadence and supervision at the edge", () => {
  let world: Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
  let clientId: string;
  let cmCookie: string;
  let directorCookie: string;
  let convenerCookie: string;
  beforeAll(async () => {
    world = await createTwoOrganizationWorld();
    const cm = actorFor(world.careManagerA.id, world.orgA.id);
    clientId = await createClient(cm);
    await enrollClient({ actor: cm, clientId, input: { program: "Enhanced care" } });
    cmCookie = (await signedInRequester(world.careManagerA.email)).cookie;
    directorCookie = (await signedInRequester(world.directorA.email)).cookie;
    convenerCookie = (await signedInRequester(world.convener.email)).cookie;
  });

  const sendPlan = (fields: Record<string, string>, lng = "en", cookie = cmCookie) =>
    settle(async () => plan.action!({ request: post(`http://localhost/clients/${clientId}/plan?lng=${lng}`, cookie, fields), params: { clientId }, context: {} } as never));

  it("a contact in the future, an unknown kind, a bad level: 400 naming the field, in English and Spanish", async () => {
    const future = await sendPlan({ intent: "record-contact", kind: "CALL", contactedOn: "2099-01-01" });
    expect(future.status).toBe(400);
    expect((future.body as Body).fieldErrors?.contactedOn).toEqual(["A contact cannot be dated in the future"]);
    const es = await sendPlan({ intent: "record-contact", kind: "CALL", contactedOn: "2099-01-01" }, "es");
    expect((es.body as Body).fieldErrors?.contactedOn).toEqual(["Un contacto no puede tener fecha futura"]);
    const kind = await sendPlan({ intent: "record-contact", kind: "PIGEON", contactedOn: "2026-01-01" });
    expect(kind.status).toBe(400);
    expect(Object.keys((kind.body as Body).fieldErrors ?? {})).toEqual(["kind"]);
    const badDate = await sendPlan({ intent: "record-contact", kind: "CALL", contactedOn: "2026-02-30" });
    expect(Object.keys((badDate.body as Body).fieldErrors ?? {})).toEqual(["contactedOn"]);
    const level = await sendPlan({ intent: "set-level", level: "EXTREME" }, "es");
    expect(level.status).toBe(400);
    expect((level.body as Body).fieldErrors?.level).toEqual(["Elija alto, medio o bajo"]);
    const same = await sendPlan({ intent: "set-level", level: "MEDIUM" });
    expect((same.body as Body).fieldErrors?.level).toEqual(["The client is already at this level"]);
    expect(JSON.stringify([future.body, es.body, kind.body, level.body, same.body])).not.toMatch(/i18n:|careContacts\.errors/);
  });

  it("good forms change the level and log the contact; the page shows both", async () => {
    expect(((await sendPlan({ intent: "set-level", level: "HIGH" })).body as Body).done).toBe("set-level");
    const today = new Date().toISOString().slice(0, 10);
    expect(((await sendPlan({ intent: "record-contact", kind: "HOME_VISIT", contactedOn: today, note: "Fridge is empty" })).body as Body).done).toBe("record-contact");
    const page = await settle(async () => plan.loader!({ request: new Request(`http://localhost/clients/${clientId}/plan`, { headers: { cookie: cmCookie } }), params: { clientId }, context: {} } as never));
    expect(page.status).toBe(200);
    const log = (page.body as { contactLog: { level: string; overdue: boolean; contacts: { kind: string; note: string }[] } }).contactLog;
    expect(log).toMatchObject({ level: "HIGH", overdue: false, contacts: [{ kind: "HOME_VISIT", note: "Fridge is empty" }] });
  });

  it("the supervision page opens for a director, not for a care manager", async () => {
    const load = (cookie: string) => settle(async () => supervision.loader!({ request: new Request("http://localhost/caseload/supervision", { headers: { cookie } }), params: {}, context: {} } as never));
    const ok = await load(directorCookie);
    expect(ok.status).toBe(200);
    expect((ok.body as { rows: { userId: string; total: number }[] }).rows.find((r) => r.userId === world.careManagerA.id)?.total).toBe(1);
    expect((await load(cmCookie)).status).toBe(403);
  });

  it("the cadence form: out-of-bounds days are a 400 naming the field; good days are saved; a care manager is refused", async () => {
    const send = (fields: Record<string, string>, cookie = convenerCookie, lng = "en") =>
      settle(async () => settings.action!({ request: post(`http://localhost/coalition/settings?lng=${lng}`, cookie, { intent: "care-cadence", ...fields }), params: {}, context: {} } as never));
    const bad = await send({ highDays: "0", mediumDays: "14", lowDays: "400" });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as Body).fieldErrors ?? {}).sort()).toEqual(["highDays", "lowDays"]);
    expect((bad.body as Body).fieldErrors?.highDays).toEqual(["Use a whole number of days from 1 to 365"]);
    const es = await send({ highDays: "2.5", mediumDays: "14", lowDays: "30" }, convenerCookie, "es");
    expect((es.body as Body).fieldErrors?.highDays).toEqual(["Use un número entero de días entre 1 y 365"]);
    const good = await send({ highDays: "5", mediumDays: "12", lowDays: "45" });
    expect((good.body as Body).done).toBe("care-cadence");
    expect(await db.coalition.findUniqueOrThrow({ where: { id: world.coalition.id }, select: { careHighContactDays: true, careMediumContactDays: true, careLowContactDays: true } })).toEqual({ careHighContactDays: 5, careMediumContactDays: 12, careLowContactDays: 45 });
    expect((await send({ highDays: "1", mediumDays: "1", lowDays: "1" }, cmCookie)).status).toBe(403);
  });
});
