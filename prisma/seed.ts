/**
 * The demo coalition: a fictional coalition in Pueblo County, Colorado. Idempotent (every write is
 * an upsert through the test factories), so it can run on every start or by hand.
 */
import { db } from "~/utils/db.server";
import { createCoalition, createOrganization, createUser } from "../tests/factories";
import { demoCoalition, demoOrganizations, demoUsers } from "./seed-data/demo-coalition";
import { seedDemoClients } from "./seed-data/demo-clients";
import { seedDemoCare } from "./seed-data/demo-care";
import { seedDemoDirectory } from "./seed-data/directory-seed";
import { seedDemoConferences } from "./seed-conferences";

export const DEMO_PASSWORD = "coalition-demo";

export async function seedDemo({ log = console.info }: { log?: (message: string) => void } = {}) {
  const coalition = await createCoalition(demoCoalition);
  const organizationIds = new Map<string, string>();
  for (const org of demoOrganizations) {
    const created = await createOrganization({ ...org, coalitionId: coalition.id });
    organizationIds.set(org.slug, created.id);
  }
  const userIds = new Map<string, string>();
  for (const user of demoUsers) {
    const createdUser = await createUser({
      email: user.email,
      name: user.name,
      password: DEMO_PASSWORD,
      preferredLocale: user.preferredLocale ?? null,
      memberships: user.memberships.map((m) => {
        const organizationId = organizationIds.get(m.organizationSlug);
        if (!organizationId) throw new Error(`Seed user ${user.email} names unknown organization ${m.organizationSlug}`);
        return { organizationId, role: m.role };
      }),
      convenerOf: user.convener ? [coalition.id] : [],
    });
    userIds.set(createdUser.email, createdUser.id);
  }
  // --- directory & assets (issue 3) ---
  const directory = await seedDemoDirectory({
    coalitionId: coalition.id,
    timeZone: coalition.timeZone,
    organizations: new Map(demoOrganizations.map((o) => [o.slug, { id: organizationIds.get(o.slug)!, name: o.name }])),
    users: userIds,
  });
  log(`Seeded the demo directory: ${directory.assets} assets (${directory.created} new).`);

  // (keep this gap: separate sections merge cleanly)

  // --- clients & consent (issue 4) ---
  await seedDemoClients({ hospitalId: organizationIds.get("hospital")!, foodBankId: organizationIds.get("foodbank")! });
  // --- the care journey (issue 15) ---
  await seedDemoCare({ hospitalId: organizationIds.get("hospital")!, foodBankId: organizationIds.get("foodbank")! });

  // (keep this gap: separate sections merge cleanly)

  // --- conferences (issue 6) ---
  await seedDemoConferences({ coalitionId: coalition.id, organizationIds });

  // (keep this gap: separate sections merge cleanly)

  // --- aims & measures (issue 7) ---
  {
    const { seedAims, seedPartnership } = await import("./seed-data/aims");
    const convener = await db.user.findUniqueOrThrow({ where: { email: "convener@demo.test" } });
    const directors = await db.membership.findMany({ where: { role: "DIRECTOR", organizationId: { in: [...organizationIds.values()] } }, select: { userId: true, organizationId: true } });
    const slugById = new Map([...organizationIds].map(([slug, id]) => [id, slug]));
    const directorIds = new Map(directors.map((d) => [slugById.get(d.organizationId)!, d.userId]));
    await seedAims({ coalitionId: coalition.id, organizationIds, convenerUserId: convener.id, directorIds });
    await seedPartnership({ coalitionId: coalition.id, organizationIds, convenerUserId: convener.id });
  }

  // --- referrals (issue 5) ---
  {
    const { seedDemoReferrals } = await import("./seed-data/demo-referrals");
    const started = Date.now();
    const referrals = await seedDemoReferrals({ coalitionId: coalition.id, organizationIds });
    log(`Seeded the demo referrals: ${referrals.referrals} (${referrals.created} new) in ${Date.now() - started} ms.`);
  }

  // (keep this gap: separate sections merge cleanly)

  // (end of seed steps)
  log(`Seeded the demo coalition "${coalition.name}": ${demoOrganizations.length} organizations, ${demoUsers.length} people (password "${DEMO_PASSWORD}").`);
  return coalition;
}
