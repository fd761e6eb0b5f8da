/**
 * Test factories. Each one is an idempotent upsert keyed by a natural key (slug, email), so the
 * demo seed (prisma/seed.ts) reuses them and can run any number of times.
 */
import { db } from "~/utils/db.server";
import { hashPassword } from "~/modules/auth/password.server";
import type { OrganizationKind } from "~/modules/coalition/schemas";
import type { OrganizationRole } from "~/utils/permissions";

let counter = 0;
export const uniqueSuffix = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export type CoalitionInput = {
  slug?: string; name?: string; region?: string; visionStatement?: string;
  centerLatitude?: number; centerLongitude?: number; defaultZoom?: number; timeZone?: string;
};

export async function createCoalition(input: CoalitionInput = {}) {
  const slug = input.slug ?? `coalition-${uniqueSuffix()}`;
  const data = {
    name: input.name ?? `Test Coalition ${slug}`,
    region: input.region ?? "Pueblo County, Colorado",
    visionStatement: input.visionStatement ?? "",
    centerLatitude: input.centerLatitude ?? 38.27,
    centerLongitude: input.centerLongitude ?? -104.62,
    defaultZoom: input.defaultZoom ?? 10,
    timeZone: input.timeZone ?? "America/Denver",
  };
  return db.coalition.upsert({ where: { slug }, create: { slug, ...data }, update: data });
}

export type OrganizationInput = {
  slug?: string; name?: string; kind?: OrganizationKind; description?: string; email?: string | null; phone?: string | null;
  website?: string | null; addressLine1?: string | null; city?: string | null; state?: string | null; postalCode?: string | null;
  latitude?: number | null; longitude?: number | null; coalitionId?: string;
};

export async function createOrganization(input: OrganizationInput = {}) {
  const { coalitionId, slug: givenSlug, ...rest } = input;
  const slug = givenSlug ?? `org-${uniqueSuffix()}`;
  const data = { name: `Organization ${slug}`, kind: "COMMUNITY_BASED_ORGANIZATION" as OrganizationKind, ...rest };
  const organization = await db.organization.upsert({ where: { slug }, create: { slug, ...data }, update: data });
  if (coalitionId) {
    await db.coalitionMember.upsert({
      where: { coalitionId_organizationId: { coalitionId, organizationId: organization.id } },
      create: { coalitionId, organizationId: organization.id },
      update: { status: "ACTIVE", leftAt: null },
    });
  }
  return organization;
}

export const DEFAULT_TEST_PASSWORD = "correct horse battery";

export type UserInput = {
  email?: string; name?: string; password?: string; preferredLocale?: string | null;
  memberships?: { organizationId: string; role: OrganizationRole }[];
  convenerOf?: string[];
};

// argon2id is slow on purpose; a password's hash is computed once per worker and reused.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));
  return hashes.get(password)!;
};

export async function createUser(input: UserInput = {}) {
  const email = (input.email ?? `person-${uniqueSuffix()}@example.test`).toLowerCase();
  const name = input.name ?? "Test Person";
  const hash = await hashOnce(input.password ?? DEFAULT_TEST_PASSWORD);
  const user = await db.user.upsert({
    where: { email },
    create: { email, name, preferredLocale: input.preferredLocale ?? null, password: { create: { hash } } },
    update: { name, preferredLocale: input.preferredLocale ?? null, password: { upsert: { create: { hash }, update: { hash } } } },
  });
  for (const m of input.memberships ?? []) {
    await db.membership.upsert({
      where: { userId_organizationId: { userId: user.id, organizationId: m.organizationId } },
      create: { userId: user.id, organizationId: m.organizationId, role: m.role },
      update: { role: m.role, revokedAt: null },
    });
  }
  for (const coalitionId of input.convenerOf ?? []) {
    await db.coalitionRole.upsert({
      where: { userId_coalitionId_role: { userId: user.id, coalitionId, role: "CONVENER" } },
      create: { userId: user.id, coalitionId, role: "CONVENER" },
      update: { revokedAt: null },
    });
  }
  return user;
}

/** Two organizations in one coalition, each with a director and a care manager: the isolation fixture. */
export async function createTwoOrganizationWorld() {
  const coalition = await createCoalition();
  const orgA = await createOrganization({ coalitionId: coalition.id, name: "Org A" });
  const orgB = await createOrganization({ coalitionId: coalition.id, name: "Org B" });
  const directorA = await createUser({ name: "Director A", memberships: [{ organizationId: orgA.id, role: "DIRECTOR" }] });
  const careManagerA = await createUser({ name: "Care Manager A", memberships: [{ organizationId: orgA.id, role: "CARE_MANAGER" }] });
  const directorB = await createUser({ name: "Director B", memberships: [{ organizationId: orgB.id, role: "DIRECTOR" }] });
  const convener = await createUser({ name: "Convener", memberships: [{ organizationId: orgA.id, role: "VIEWER" }], convenerOf: [coalition.id] });
  return { coalition, orgA, orgB, directorA, careManagerA, directorB, convener };
}
