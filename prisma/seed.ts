/**
 * The demo coalition: a fictional coalition in Pueblo County, Colorado. Idempotent (every write is
 * an upsert through the test factories), so it can run on every start or by hand.
 */
import { createCoalition, createOrganization, createUser } from "../tests/factories";
import { demoCoalition, demoOrganizations, demoUsers } from "./seed-data/demo-coalition";
import { seedDemoConferences } from "./seed-conferences";

export const DEMO_PASSWORD = "coalition-demo";

export async function seedDemo({ log = console.info }: { log?: (message: string) => void } = {}) {
  const coalition = await createCoalition(demoCoalition);
  const organizationIds = new Map<string, string>();
  for (const org of demoOrganizations) {
    const created = await createOrganization({ ...org, coalitionId: coalition.id });
    organizationIds.set(org.slug, created.id);
  }
  for (const user of demoUsers) {
    await createUser({
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
  }
  // --- directory & assets (issue 3) ---

  // (keep this gap: separate sections merge cleanly)

  // --- clients & consent (issue 4) ---

  // (keep this gap: separate sections merge cleanly)

  // --- conferences (issue 6) ---
  await seedDemoConferences({ coalitionId: coalition.id, organizationIds });

  // (keep this gap: separate sections merge cleanly)

  // --- aims & measures (issue 7) ---

  // (end of seed steps)
  log(`Seeded the demo coalition "${coalition.name}": ${demoOrganizations.length} organizations, ${demoUsers.length} people (password "${DEMO_PASSWORD}").`);
  return coalition;
}
