/**
 * The one guard family (ADR 073): one Actor for people and partner systems, deny by default, and
 * refusals as AppErrors the one mapper answers (never a Response built here).
 */
import { describe, expect, it } from "vitest";
import { isAppError } from "~/utils/app-error";
import { translatorForLocale } from "~/i18n/translators";
import { translateMessage } from "~/utils/translatable";
import { createApiKey } from "~/modules/org/api-keys.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { signedInRequester } from "../../../tests/helpers";
import { actorFor, coalitionActorFor } from "../../../tests/actors";
import { getOptionalActor, getOptionalApiActor, readCaller, requireActor, requireApiActor } from "./guard.server";

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describe("requireActor", () => {
  it("a signed-in member gets the one Actor: ids, names, permissions and the request", async () => {
    const w = await createTwoOrganizationWorld();
    const director = await signedInRequester(w.directorA.email);
    const actor = await requireActor(director.get("/clients"), "clients:read", "coalition");
    expect(actor).toMatchObject({
      via: "session",
      sessionId: director.sessionId,
      userId: w.directorA.id,
      userName: "Director A",
      apiKeyId: null,
      organizationId: w.orgA.id,
      organizationName: "Org A",
      organizationRole: "DIRECTOR",
      coalitionId: w.coalition.id,
      coalitionIds: [w.coalition.id],
      isConvener: false,
    });
    expect(actor.permissions.has("clients:write")).toBe(true);
  });

  it("nobody signed in: sign in and come back (the cookie cleared), never a Response built here", async () => {
    const error = await refusal(requireActor(new Request("http://localhost/clients?q=1"), "clients:read"));
    expect(error).toMatchObject({ status: 401, refusesRequest: true, redirectTo: "/login?redirectTo=%2Fclients%3Fq%3D1" });
    expect(error.headers?.["Set-Cookie"]).toMatch(/hub_session=;/);
  });

  it("denies by default: a missing permission, no organization, no coalition are each a 403 for the whole request", async () => {
    const w = await createTwoOrganizationWorld();
    const viewer = await signedInRequester(w.convener.email);
    expect(await refusal(requireActor(viewer.get("/clients"), "clients:read"))).toMatchObject({ status: 403, refusesRequest: true });

    const loner = await createUser();
    const nobody = await signedInRequester(loner.email);
    expect((await requireActor(nobody.get("/home"), null, "user")).organizationId).toBeNull();
    const noOrganization = await refusal(requireActor(nobody.get("/people"), null));
    expect(noOrganization.status).toBe(403);
    expect(translateMessage(noOrganization.message, translatorForLocale("en"))).toBe("You are not a member of any organization.");
    expect(translateMessage(noOrganization.message, translatorForLocale("es"))).toBe("Usted no es miembro de ninguna organización.");

    const outside = await createOrganization();
    const member = await createUser({ memberships: [{ organizationId: outside.id, role: "DIRECTOR" }] });
    const requester = await signedInRequester(member.email);
    expect((await requireActor(requester.get("/people"), "org:read")).coalitionId).toBeNull();
    const noCoalition = await refusal(requireActor(requester.get("/aims"), "coalition:read", "coalition"));
    expect(noCoalition.status).toBe(403);
    expect(translateMessage(noCoalition.message, translatorForLocale("en"))).toBe("Your organization is not a member of a coalition yet.");
    expect(translateMessage(noCoalition.message, translatorForLocale("es"))).toBe("Su organización todavía no es miembro de una coalición.");
  });
});

describe("API keys get the same Actor", () => {
  it("the same fields as a person's actor, the key's organization and coalitions, no role permissions", async () => {
    const w = await createTwoOrganizationWorld();
    const { key, apiKey } = await createApiKey({ actor: actorFor(w.directorB.id, w.orgB.id, { role: "DIRECTOR" }), name: "sync" });
    const request = new Request("http://localhost/api/fhir/r4/Task", { headers: { authorization: `Bearer ${key}` } });
    const partner = await requireApiActor(request);
    expect(partner).toMatchObject({ via: "apiKey", userId: null, apiKeyId: apiKey.id, organizationId: w.orgB.id, organizationName: "Org B", coalitionIds: [w.coalition.id] });
    expect(partner.permissions.size).toBe(0);

    const director = await signedInRequester(w.directorB.email);
    const person = await getOptionalActor(director.get("/home"));
    expect(Object.keys(partner).sort()).toEqual(Object.keys(person!).sort());
    expect(Object.keys(coalitionActorFor(w.directorB.id, w.orgB.id, w.coalition.id)).sort()).toEqual(Object.keys(partner).sort());
  });

  it("no key, a malformed or unknown key: 401 with WWW-Authenticate, for the mapper to answer", async () => {
    for (const authorization of [undefined, "Bearer nope", `Bearer chub_${"x".repeat(32)}`]) {
      const request = new Request("http://localhost/api/fhir/r4/Task", { headers: authorization ? { authorization } : {} });
      expect(await getOptionalApiActor(request)).toBeNull();
      expect(await refusal(requireApiActor(request))).toMatchObject({ status: 401, refusesRequest: true, headers: { "WWW-Authenticate": 'Bearer realm="coalition-hub"' } });
    }
  });

  it("public readers: an API key first, else the session's scope, else nobody", async () => {
    const w = await createTwoOrganizationWorld();
    await createCoalition();
    const { key } = await createApiKey({ actor: actorFor(w.directorB.id, w.orgB.id), name: "map" });
    expect(await readCaller(new Request("http://localhost/api/assets"))).toBeNull();
    expect(await readCaller(new Request("http://localhost/api/assets", { headers: { authorization: `Bearer ${key}` } }))).toMatchObject({ via: "apiKey", organizationId: w.orgB.id, coalitionIds: [w.coalition.id] });
    const director = await signedInRequester(w.directorA.email);
    expect(await readCaller(director.get("/api/assets"))).toMatchObject({ via: "session", userId: w.directorA.id, organizationId: w.orgA.id, coalitionIds: [w.coalition.id] });
  });
});
