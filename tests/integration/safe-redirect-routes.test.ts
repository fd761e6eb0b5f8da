/**
 * Every action that follows a `redirectTo` (sign-in, organization switch, language) sends a
 * hostile value home, and a value a Location header cannot carry is not a server error.
 */
import { describe, expect, it } from "vitest";
import * as login from "~/routes/login";
import * as switchOrganization from "~/routes/organization.switch";
import * as language from "~/routes/settings.language";
import * as authorizePage from "~/routes/_app.clients.$clientId.authorize";
import { createOrganization, createTwoOrganizationWorld, createUser, DEFAULT_TEST_PASSWORD } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { actorFor, createClient, isoDay } from "../consent-factories";

const args = (request: Request) => ({ request, params: {}, context: {} });
const post = (path: string, fields: Record<string, string>, cookie?: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
  });

const HOSTILE = ["/%09/evil.example/phish", "//evil.example", "/\\evil.example", "/\n/evil.example", "/\u000b/evil.example", "/\u3000/evil.example", "https://evil.example"];

describe("redirectTo on every action that follows it", () => {
  it.each(HOSTILE)("sign-in with redirectTo=%j lands on the home page", async (redirectTo) => {
    const user = await createUser();
    const result = await settle(() => login.action(args(post("/login", { email: user.email, password: DEFAULT_TEST_PASSWORD, redirectTo }))));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/home");
  });

  it("sign-in keeps a same-site redirectTo", async () => {
    const user = await createUser();
    const result = await settle(() => login.action(args(post("/login", { email: user.email, password: DEFAULT_TEST_PASSWORD, redirectTo: "/partners?x=1" }))));
    expect(result.headers.get("location")).toBe("/partners?x=1");
  });

  it.each(HOSTILE)("switching organization with redirectTo=%j lands on the home page", async (redirectTo) => {
    const world = await createTwoOrganizationWorld();
    const orgC = await createOrganization({ coalitionId: world.coalition.id });
    const person = await createUser({ memberships: [{ organizationId: world.orgA.id, role: "STAFF" }, { organizationId: orgC.id, role: "STAFF" }] });
    const requester = await signedInRequester(person.email);
    const result = await settle(() => switchOrganization.action(args(post("/organization/switch", { organizationId: orgC.id, redirectTo }, requester.cookie))));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/home");
  });

  it.each(HOSTILE)("choosing a language with redirectTo=%j lands on the start page", async (redirectTo) => {
    const result = await settle(() => language.action(args(post("/settings/language", { locale: "es", redirectTo }))));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe("/");
  });

  it.each(["/referrals/new?clientId=x\n", "/referrals/new?clientId=\u3000", "/referrals/new?x=\u000b"])(
    "recording an authorization with returnTo=%j goes to the client, not a server error",
    async (returnTo) => {
      const world = await createTwoOrganizationWorld();
      const clientId = await createClient(actorFor(world.careManagerA.id, world.orgA.id));
      const as = await signedInRequester(world.careManagerA.email);
      const fields: Record<string, string> = {
        intent: "record", form: "GENERAL", categories: "SOCIAL_NEEDS", recipientIds: world.orgB.id, purpose: "Food help", language: "en",
        effectiveDate: isoDay(0), expiresOn: isoDay(90), ackRevoke: "on", ackConditioning: "on", ackRedisclosure: "on",
        signerKind: "CLIENT", signerName: "Route Person", signatureMethod: "TYPED", signatureTyped: "Route Person",
      };
      const url = `/clients/${clientId}/authorize?${new URLSearchParams({ recipient: world.orgB.id, returnTo })}`;
      const result = await settle(() => authorizePage.action({ request: as.post(url, fields), params: { clientId }, context: {} }));
      expect(result.status).toBe(302);
      expect(result.headers.get("location")).toBe(`/clients/${clientId}?recorded=1`);
    },
  );
});
