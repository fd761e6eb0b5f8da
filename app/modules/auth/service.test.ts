import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createOrganization, createTwoOrganizationWorld, createUser, DEFAULT_TEST_PASSWORD } from "../../../tests/factories";
import { loadAuthContext, signIn, signOut, switchOrganization } from "./service.server";
import { actorFromContext } from "./guard.server";

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };

describe("sign-in", () => {
  it("opens a database session for the right password and records it", async () => {
    const world = await createTwoOrganizationWorld();
    const { session } = await signIn({ email: world.directorA.email.toUpperCase(), password: DEFAULT_TEST_PASSWORD, request: meta });
    expect(session.userId).toBe(world.directorA.id);
    expect(session.currentOrganizationId).toBe(world.orgA.id);
    const audit = await db.auditEvent.findFirst({ where: { action: "auth.sign_in", subjectId: session.id } });
    expect(audit?.actorUserId).toBe(world.directorA.id);
  });

  it("refuses a wrong password and an unknown email with the same message, and audits the failure", async () => {
    const user = await createUser();
    await expect(signIn({ email: user.email, password: "wrong password!", request: meta })).rejects.toThrow("do not match");
    await expect(signIn({ email: "nobody@example.test", password: "whatever", request: meta })).rejects.toThrow("do not match");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "auth.sign_in_failed", subjectId: user.id } })).toBe(1);
  });

  it("a signed-out, expired or deactivated session is no session", async () => {
    const user = await createUser();
    const a = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    expect(await loadAuthContext(a.session.id)).not.toBeNull();
    await signOut({ sessionId: a.session.id, request: meta });
    expect(await loadAuthContext(a.session.id)).toBeNull();

    const b = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    await db.session.update({ where: { id: b.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadAuthContext(b.session.id)).toBeNull();

    const c = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await loadAuthContext(c.session.id)).toBeNull();
  });
});

describe("who am I", () => {
  it("grants permissions by role in the current organization, and convener rights by coalition role", async () => {
    const world = await createTwoOrganizationWorld();
    const director = await signIn({ email: world.directorA.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    const careManager = await signIn({ email: world.careManagerA.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    const convener = await signIn({ email: world.convener.email, password: DEFAULT_TEST_PASSWORD, request: meta });

    const d = (await loadAuthContext(director.session.id))!;
    expect(d.organization?.id).toBe(world.orgA.id);
    expect(d.coalition?.id).toBe(world.coalition.id);
    expect(d.permissions.has("org:members:invite")).toBe(true);
    expect(d.permissions.has("coalition:admin")).toBe(false);

    const cm = (await loadAuthContext(careManager.session.id))!;
    expect(cm.permissions.has("org:members:invite")).toBe(false);
    expect(cm.permissions.has("clients:read")).toBe(true);

    const c = (await loadAuthContext(convener.session.id))!;
    expect(c.isConvener).toBe(true);
    expect(c.permissions.has("coalition:admin")).toBe(true);
    expect(c.permissions.has("org:members:invite")).toBe(false); // a viewer in their organization
  });

  it("a person in two organizations switches between them, and only between their own", async () => {
    const world = await createTwoOrganizationWorld();
    const orgC = await createOrganization({ coalitionId: world.coalition.id });
    const person = await createUser({ memberships: [{ organizationId: world.orgA.id, role: "CARE_MANAGER" }, { organizationId: orgC.id, role: "STAFF" }] });
    const { session } = await signIn({ email: person.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    const before = (await loadAuthContext(session.id))!;
    expect(before.organizations.map((o) => o.id).sort()).toEqual([world.orgA.id, orgC.id].sort());

    await switchOrganization({ actor: actorFromContext(before, meta), organizationId: orgC.id });
    const after = (await loadAuthContext(session.id))!;
    expect(after.organization?.id).toBe(orgC.id);
    expect(after.organization?.role).toBe("STAFF");
    expect(after.permissions.has("clients:read")).toBe(false);

    await expect(switchOrganization({ actor: actorFromContext(after, meta), organizationId: world.orgB.id })).rejects.toMatchObject({ status: 404 });
    expect((await loadAuthContext(session.id))!.organization?.id).toBe(orgC.id);
  });

  it("a revoked membership no longer counts", async () => {
    const world = await createTwoOrganizationWorld();
    const { session } = await signIn({ email: world.directorA.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    await db.membership.updateMany({ where: { userId: world.directorA.id }, data: { revokedAt: new Date() } });
    const auth = (await loadAuthContext(session.id))!;
    expect(auth.organization).toBeNull();
    expect(auth.permissions.size).toBe(0);
  });
});
