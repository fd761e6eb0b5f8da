/**
 * The public readers' one-statement session check (readCaller → loadSessionScope) must give the same user, organization and coalition
 * as the full loadAuthContext, in every state a session can be in, with nothing cached.
 */
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { commitSessionId } from "./cookie.server";
import { loadAuthContext, signIn, signOut } from "./service.server";
import { readCaller } from "./guard.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld, createUser, DEFAULT_TEST_PASSWORD } from "../../../tests/factories";

/** The public readers' guard, as the directory sees it: the ids that scope a read. */
async function sessionScope(request: Request) {
  const caller = await readCaller(request);
  return caller && { userId: caller.userId, organizationId: caller.organizationId, coalitionId: caller.coalitionId };
}

const meta = { ipAddress: "127.0.0.1", userAgent: "vitest" };

async function both(sessionId: string) {
  const cookie = (await commitSessionId(sessionId)).split(";")[0];
  const scope = await sessionScope(new Request("http://localhost/api/assets", { headers: { cookie } }));
  const auth = await loadAuthContext(sessionId);
  return { scope, expected: auth ? { userId: auth.user.id, organizationId: auth.organization?.id ?? null, coalitionId: auth.coalition?.id ?? null } : null };
}

describe("sessionScope agrees with loadAuthContext", () => {
  it("for a member, after switching organization, after leaving one, and for an organization outside any coalition", async () => {
    const world = await createTwoOrganizationWorld();
    const elsewhere = await createCoalition();
    const orgC = await createOrganization({ coalitionId: elsewhere.id });
    const loner = await createOrganization();
    const person = await createUser({ memberships: [{ organizationId: world.orgA.id, role: "CARE_MANAGER" }, { organizationId: orgC.id, role: "STAFF" }, { organizationId: loner.id, role: "DIRECTOR" }] });
    const { session } = await signIn({ email: person.email, password: DEFAULT_TEST_PASSWORD, request: meta });

    let { scope, expected } = await both(session.id);
    expect(scope).toEqual(expected);
    expect(scope?.coalitionId).toBe(world.coalition.id);

    await db.session.update({ where: { id: session.id }, data: { currentOrganizationId: orgC.id } });
    ({ scope, expected } = await both(session.id));
    expect(scope).toEqual(expected);
    expect(scope?.coalitionId).toBe(elsewhere.id);

    await db.session.update({ where: { id: session.id }, data: { currentOrganizationId: loner.id } });
    ({ scope, expected } = await both(session.id));
    expect(scope).toEqual(expected);
    expect(scope).toMatchObject({ organizationId: loner.id, coalitionId: null });

    // Removed from the current organization: falls back to the first remaining membership.
    await db.membership.updateMany({ where: { userId: person.id, organizationId: loner.id }, data: { revokedAt: new Date() } });
    ({ scope, expected } = await both(session.id));
    expect(scope).toEqual(expected);
    expect(scope?.organizationId).toBe(world.orgA.id);

    // The organization's coalition membership ends, or the coalition is deleted.
    await db.coalitionMember.updateMany({ where: { organizationId: world.orgA.id }, data: { status: "LEFT" } });
    ({ scope, expected } = await both(session.id));
    expect(scope).toEqual(expected);
    expect(scope?.coalitionId).toBeNull();
    await db.coalitionMember.updateMany({ where: { organizationId: world.orgA.id }, data: { status: "ACTIVE" } });
    await db.coalition.update({ where: { id: world.coalition.id }, data: { deletedAt: new Date() } });
    ({ scope, expected } = await both(session.id));
    expect(scope).toEqual(expected);
    expect(scope?.coalitionId).toBeNull();
  });

  it("a signed-out, expired or deactivated session, or no cookie, is no one — at once", async () => {
    const user = await createUser();
    const a = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    expect((await both(a.session.id)).scope?.userId).toBe(user.id);
    await signOut({ sessionId: a.session.id, request: meta });
    expect(await both(a.session.id)).toEqual({ scope: null, expected: null });

    const b = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    await db.session.update({ where: { id: b.session.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await both(b.session.id)).toEqual({ scope: null, expected: null });

    const c = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    await db.user.update({ where: { id: user.id }, data: { deactivatedAt: new Date() } });
    expect(await both(c.session.id)).toEqual({ scope: null, expected: null });

    expect(await sessionScope(new Request("http://localhost/api/assets"))).toBeNull();
    expect(await sessionScope(new Request("http://localhost/api/assets", { headers: { cookie: "hub_session=forged" } }))).toBeNull();
  });

  it("slides the session's expiry like a page load does", async () => {
    const user = await createUser();
    const { session } = await signIn({ email: user.email, password: DEFAULT_TEST_PASSWORD, request: meta });
    const old = new Date(Date.now() - 5 * 60_000);
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: old, expiresAt: new Date(Date.now() + 60_000) } });
    const cookie = (await commitSessionId(session.id)).split(";")[0];
    await sessionScope(new Request("http://localhost/api/assets", { headers: { cookie } }));
    const after = await db.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.lastSeenAt.getTime()).toBeGreaterThan(old.getTime());
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
  });
});
