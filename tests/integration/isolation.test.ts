/**
 * Written-out isolation: a person of organization A cannot read or change B's records through any
 * loader or action that exists so far, and signed-out visitors reach nothing. (Socket isolation is
 * tested in tests/e2e/realtime.test.ts against the running server.)
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { inviteMember } from "~/modules/org/service.server";
import * as peopleModule from "~/routes/_app.organization.people";
import * as coalitionSettingsModule from "~/routes/_app.coalition.settings";
import * as partnersModule from "~/routes/_app.partners";
import * as homeModule from "~/routes/_app.home";
import * as appLayoutModule from "~/routes/_app";
import * as switchOrgModule from "~/routes/organization.switch";
import { createCoalition, createOrganization, createTwoOrganizationWorld, createUser } from "../factories";
import { anonymousGet, settle, signedInRequester } from "../helpers";
import { actorFor } from "../actors";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const people = withHttpErrors(peopleModule);
const coalitionSettings = withHttpErrors(coalitionSettingsModule);
const partners = withHttpErrors(partnersModule);
const home = withHttpErrors(homeModule);
const appLayout = withHttpErrors(appLayoutModule);
const switchOrg = withHttpErrors(switchOrgModule);

const args = (request: Request) => ({ request, params: {}, context: {} });

describe("signed-out visitors", () => {
  it.each([
    ["/home", home.loader],
    ["/partners", partners.loader],
    ["/organization/people", people.loader],
    ["/coalition/settings", coalitionSettings.loader],
  ])("%s redirects to sign-in, remembering where they were going", async (path, loader) => {
    const result = await settle(() => loader(args(anonymousGet(path))));
    expect(result.status).toBe(302);
    expect(result.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
  });

  it("cannot post to an action", async () => {
    const request = new Request("http://localhost/organization/people", { method: "POST", body: new URLSearchParams({ intent: "invite", email: "x@example.test", role: "STAFF" }) });
    const result = await settle(() => people.action(args(request)));
    expect(result.status).toBe(302);
    expect(await db.invite.count({ where: { email: "x@example.test" } })).toBe(0);
  });
});

describe("organization A versus organization B", () => {
  it("the people page shows only the current organization's members and invitations", async () => {
    const world = await createTwoOrganizationWorld();
    await inviteMember({ actor: actorFor(world.directorB.id, world.orgB.id), email: "b-only@example.test", role: "STAFF" });
    const asA = await signedInRequester(world.directorA.email);
    const result = await settle(() => people.loader(args(asA.get("/organization/people"))));
    const body = result.body as { organization: { id: string }; members: { user: { id: string } }[]; invites: { email: string }[] };
    expect(body.organization.id).toBe(world.orgA.id);
    expect(body.members.map((m) => m.user.id)).not.toContain(world.directorB.id);
    expect(body.invites.map((i) => i.email)).not.toContain("b-only@example.test");
  });

  it("revoking B's invitation as A's director is a 404 and changes nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const { invite } = await inviteMember({ actor: actorFor(world.directorB.id, world.orgB.id), email: "b-invite@example.test", role: "STAFF" });
    const asA = await signedInRequester(world.directorA.email);
    const result = await settle(() => people.action(args(asA.post("/organization/people", { intent: "revoke-invite", inviteId: invite.id }))));
    expect(result.status).toBe(404);
    expect((await db.invite.findUniqueOrThrow({ where: { id: invite.id } })).revokedAt).toBeNull();
  });

  it("switching into an organization one does not belong to is a 404", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const result = await settle(() => switchOrg.action(args(asA.post("/organization/switch", { organizationId: world.orgB.id }))));
    expect(result.status).toBe(404);
    expect((await db.session.findUniqueOrThrow({ where: { id: asA.sessionId } })).currentOrganizationId).toBe(world.orgA.id);
  });

  it("a care manager cannot open the people page or invite (deny by default)", async () => {
    const world = await createTwoOrganizationWorld();
    const asCm = await signedInRequester(world.careManagerA.email);
    expect((await settle(() => people.loader(args(asCm.get("/organization/people"))))).status).toBe(403);
    const result = await settle(() => people.action(args(asCm.post("/organization/people", { intent: "invite", email: "cm-invite@example.test", role: "DIRECTOR" }))));
    expect(result.status).toBe(403);
    expect(await db.invite.count({ where: { email: "cm-invite@example.test" } })).toBe(0);
  });

  it("only a convener administers the coalition, and only their own coalition", async () => {
    const world = await createTwoOrganizationWorld();
    const asDirector = await signedInRequester(world.directorA.email);
    expect((await settle(() => coalitionSettings.loader(args(asDirector.get("/coalition/settings"))))).status).toBe(403);

    // A convener of another coalition cannot touch this one: their requests act on their own.
    const other = await createCoalition();
    const otherOrg = await createOrganization({ coalitionId: other.id });
    const otherConvener = await createUser({ memberships: [{ organizationId: otherOrg.id, role: "DIRECTOR" }], convenerOf: [other.id] });
    const asOther = await signedInRequester(otherConvener.email);
    const result = await settle(() => coalitionSettings.action(args(asOther.post("/coalition/settings", { intent: "remove-organization", organizationId: world.orgB.id }))));
    expect(result.status).toBe(404);
    const membership = await db.coalitionMember.findFirstOrThrow({ where: { coalitionId: world.coalition.id, organizationId: world.orgB.id } });
    expect(membership.status).toBe("ACTIVE");
  });

  it("the partners page lists only the current coalition's members", async () => {
    const world = await createTwoOrganizationWorld();
    const other = await createCoalition();
    const stranger = await createOrganization({ coalitionId: other.id, name: "Stranger Org" });
    const asA = await signedInRequester(world.directorA.email);
    const body = (await settle(() => partners.loader(args(asA.get("/partners"))))).body as { partners: { id: string }[] };
    const ids = body.partners.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([world.orgA.id, world.orgB.id]));
    expect(ids).not.toContain(stranger.id);
  });

  it("the shell reports who am I and which organization", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const body = (await settle(() => appLayout.loader(args(asA.get("/home"))))).body as { user: { name: string; organization: { id: string; role: string } } };
    expect(body.user.name).toBe("Director A");
    expect(body.user.organization).toMatchObject({ id: world.orgA.id, role: "DIRECTOR" });
  });
});

describe("bad input", () => {
  it("an invalid invitation answers 400 with field messages and writes nothing", async () => {
    const world = await createTwoOrganizationWorld();
    const asA = await signedInRequester(world.directorA.email);
    const before = await db.invite.count();
    const result = await settle(() => people.action(args(asA.post("/organization/people", { intent: "invite", email: "not-an-email", role: "EMPEROR" }))));
    expect(result.status).toBe(400);
    const body = result.body as { fieldErrors: Record<string, string[]> };
    expect(body.fieldErrors.email?.[0]).toMatch(/valid email/);
    expect(body.fieldErrors.role?.[0]).toMatch(/Choose a role/);
    expect(await db.invite.count()).toBe(before);
  });

  it("an empty coalition name answers 400 and keeps the old name", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const result = await settle(() => coalitionSettings.action(args(asConvener.post("/coalition/settings", { intent: "update-coalition", name: " ", visionStatement: "" }))));
    expect(result.status).toBe(400);
    expect((await db.coalition.findUniqueOrThrow({ where: { id: world.coalition.id } })).name).toBe(world.coalition.name);
  });

  it("a convener updates the vision and adds and removes a member organization, each audited", async () => {
    const world = await createTwoOrganizationWorld();
    const asConvener = await signedInRequester(world.convener.email);
    const updated = await settle(() => coalitionSettings.action(args(asConvener.post("/coalition/settings", { intent: "update-coalition", name: "Renamed Coalition", visionStatement: "Everyone fed." }))));
    expect(updated.status).toBe(200);
    expect(await db.coalition.findUniqueOrThrow({ where: { id: world.coalition.id } })).toMatchObject({ name: "Renamed Coalition", visionStatement: "Everyone fed." });

    const added = await settle(() => coalitionSettings.action(args(asConvener.post("/coalition/settings", { intent: "add-organization", name: "New Food Pantry", kind: "FOOD_BANK", email: "", phone: "", city: "Pueblo" }))));
    expect(added.body).toMatchObject({ done: "add-organization", name: "New Food Pantry" });
    const duplicate = await settle(() => coalitionSettings.action(args(asConvener.post("/coalition/settings", { intent: "add-organization", name: "new food pantry", kind: "FOOD_BANK" }))));
    expect(duplicate.status).toBe(400);

    const removed = await settle(() => coalitionSettings.action(args(asConvener.post("/coalition/settings", { intent: "remove-organization", organizationId: world.orgB.id }))));
    expect(removed.status).toBe(200);
    const actions = (await db.auditEvent.findMany({ where: { coalitionId: world.coalition.id }, select: { action: true } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["coalition.updated", "coalition.member_added", "coalition.member_removed"]));
  });
});
