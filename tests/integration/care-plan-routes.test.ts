/**
 * The care plan page's action at the HTTP edge (issue #15): bad input is a 400 naming the field,
 * in the reader's language, never a 500 or an encoded key; a good form changes the plan; a staff
 * member without care permissions is refused the page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { withHttpErrors } from "~/utils/http-errors.server";
import * as planModule from "~/routes/_app.clients.$clientId.plan";
import { enrollClient } from "~/modules/care/service.server";
import { createTwoOrganizationWorld, createUser } from "../factories";
import { actorFor, createClient } from "../consent-factories";
import { settle, signedInRequester } from "../helpers";

const plan = withHttpErrors(planModule);
type Body = { formError?: string; fieldErrors?: Record<string, string[]>; done?: string };

describe("the care plan page at the edge", () => {
  let cookie: string;
  let clientId: string;
  let staffCookie: string;
  beforeAll(async () => {
    const world = await createTwoOrganizationWorld();
    const staff = await createUser({ memberships: [{ organizationId: world.orgA.id, role: "STAFF" }] });
    clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
    await enrollClient({ actor: actorFor(world.careManagerA.id, world.orgA.id), clientId, input: { program: "Enhanced care" } });
    cookie = (await signedInRequester(world.careManagerA.email)).cookie;
    staffCookie = (await signedInRequester(staff.email)).cookie;
  });

  const post = (fields: Record<string, string>, lng = "en", as = cookie) =>
    settle(async () =>
      plan.action!({ request: new Request(`http://localhost/clients/${clientId}/plan?lng=${lng}`, { method: "POST", headers: { cookie: as, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) }), params: { clientId }, context: {} } as never),
    );

  it("an empty goal, a bad date, an unknown form: 400 naming the field, in English and Spanish", async () => {
    const empty = await post({ intent: "add-goal", text: "   " });
    expect(empty.status).toBe(400);
    expect((empty.body as Body).fieldErrors?.text).toEqual(["Write the goal in the client's own words"]);
    const es = await post({ intent: "add-goal", text: "" }, "es");
    expect((es.body as Body).fieldErrors?.text).toEqual(["Escriba la meta con las palabras del cliente"]);
    const badDate = await post({ intent: "review-plan", reviewedOn: "2026-13-45" });
    expect(badDate.status).toBe(400);
    expect(Object.keys((badDate.body as Body).fieldErrors ?? {})).toEqual(["reviewedOn"]);
    const future = await post({ intent: "review-plan", reviewedOn: "2099-01-01" }, "es");
    expect((future.body as Body).fieldErrors?.reviewedOn).toEqual(["Una revisión no puede tener fecha futura"]);
    const unknown = await post({ intent: "drop-table" });
    expect(unknown.status).toBe(400);
    const longGoal = await post({ intent: "add-goal", text: "x".repeat(501) });
    expect((longGoal.body as Body).fieldErrors?.text).toEqual(["Use at most 500 characters"]);
    expect(JSON.stringify([empty.body, es.body, future.body, longGoal.body])).not.toMatch(/i18n:|care\.errors/);
  });

  it("a good form changes the plan", async () => {
    const added = await post({ intent: "add-goal", text: "Ride my bike again" });
    expect(added.status).toBe(200);
    expect((added.body as Body).done).toBe("add-goal");
  });

  it("staff without care permissions are refused the page and the form", async () => {
    const page = await settle(async () => plan.loader!({ request: new Request(`http://localhost/clients/${clientId}/plan`, { headers: { cookie: staffCookie } }), params: { clientId }, context: {} } as never));
    expect(page.status).toBe(403);
    expect((await post({ intent: "add-goal", text: "x" }, "en", staffCookie)).status).toBe(403);
  });
});
