/**
 * Demo referrals (issue 5), through the real services: clients registered by their care managers,
 * authorizations naming the recipients, referrals sent and answered over the last ~60 days
 * (requested, accepted, in progress, completed with outcomes, declined — two as "not a good fit"
 * with an explanation — cancelled, and one overdue for an answer). Plus the hospital's "Enhanced
 * care management program" with fit criteria, and a primary care practice referring into it.
 *
 * Idempotent: clients are found by name and date of birth, referrals by a fixed idempotency key
 * (a referral already there is left as it is, so its status changes are not replayed).
 */
import { db } from "~/utils/db.server";
import { type OrganizationRole } from "~/utils/permissions";
import { findPossibleDuplicates, registerClient } from "~/modules/client/service.server";
import { recordAuthorization } from "~/modules/consent/service.server";
import { sendReferral, transitionReferral } from "~/modules/referral/service.server";
import type { TransitionReferralInput } from "~/modules/referral/schemas";
import { createUser } from "../../tests/factories";
import type { Actor } from "~/modules/auth/actor";
import { actorFor } from "../../tests/actors";

const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(Date.now() - d * DAY);
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
/** Fixed ids: the seed finds its own rows again on the next run. */
const key = (n: number) => `5eed0005-0000-4000-8000-${n.toString().padStart(12, "0")}`;
export const CARE_PROGRAM_SERVICE_ID = "5eed0005-0000-4000-8000-c0000000000e";

type Slug = string;
type DemoClient = { name: string; birthDate: string; preferredLanguage: "en" | "es"; contact: string; address?: string; of: Slug; recipients: Slug[] };

const clients: Record<string, DemoClient> = {
  gloria: { name: "Gloria Sandoval", birthDate: "1958-09-21", preferredLanguage: "es", contact: "719-555-0191", address: "Eastside, Pueblo 81001", of: "hospital", recipients: ["foodbank", "behavioral-health", "ymca"] },
  terrence: { name: "Terrence Bowman", birthDate: "1985-01-17", preferredLanguage: "en", contact: "719-555-0123", of: "hospital", recipients: ["foodbank", "legal-aid"] },
  anh: { name: "Anh Nguyen", birthDate: "1990-05-08", preferredLanguage: "en", contact: "anh.n@example.org", of: "hospital", recipients: ["housing-authority", "foodbank"] },
  ruth: { name: "Ruth Castellano", birthDate: "1944-12-03", preferredLanguage: "es", contact: "719-555-0168", address: "Bessemer, Pueblo 81004", of: "hospital", recipients: ["legal-aid", "foodbank"] },
  marcus: { name: "Marcus Ellery", birthDate: "1977-06-30", preferredLanguage: "en", contact: "719-555-0110", of: "fqhc", recipients: ["foodbank", "housing-authority"] },
  delia: { name: "Delia Fuentes", birthDate: "1966-02-11", preferredLanguage: "es", contact: "719-555-0139", address: "Mesa Junction, Pueblo 81004", of: "primary-care-mesa-junction", recipients: ["hospital"] },
};

type Step = { side: "sender" | "receiver"; daysAgo: number; to: TransitionReferralInput["to"]; reason?: TransitionReferralInput["reason"]; reasonText?: string; outcome?: TransitionReferralInput["outcome"]; outcomeText?: string };
type DemoReferral = { n: number; client: keyof typeof clients | "maria" | "robert"; to: Slug; needs: string[]; service?: string; priority?: "ROUTINE" | "URGENT"; note: string; sent: number; steps: Step[] };

const referrals: DemoReferral[] = [
  { n: 1, client: "gloria", to: "foodbank", needs: ["food-insecurity"], service: "Food Pantry", note: "Discharged after a fall; no groceries at home.", sent: 58, steps: [{ side: "receiver", daysAgo: 57, to: "ACCEPTED" }, { side: "receiver", daysAgo: 50, to: "COMPLETED", outcome: "GOT_HELP" }] },
  { n: 2, client: "terrence", to: "foodbank", needs: ["food-insecurity"], service: "SNAP Application Help", note: "Lost his job last month; wants help applying for SNAP.", sent: 45, steps: [{ side: "receiver", daysAgo: 44, to: "ACCEPTED" }, { side: "receiver", daysAgo: 40, to: "IN_PROGRESS" }, { side: "receiver", daysAgo: 30, to: "COMPLETED", outcome: "COULD_NOT_GET_HELP", outcomeText: "Income just over the limit; gave him the pantry schedule instead." }] },
  { n: 3, client: "anh", to: "housing-authority", needs: ["housing-instability"], note: "Rent doubled; facing eviction next month.", sent: 40, priority: "URGENT", steps: [{ side: "receiver", daysAgo: 37, to: "REJECTED", reason: "NOT_A_GOOD_FIT", reasonText: "We can only help households already on the voucher waiting list, which is closed. Community Action's rapid re-housing program fits an eviction like this better." }] },
  { n: 4, client: "ruth", to: "legal-aid", needs: ["housing-instability"], note: "Landlord notice to quit; would like legal advice in Spanish.", sent: 35, steps: [{ side: "receiver", daysAgo: 33, to: "ACCEPTED" }, { side: "receiver", daysAgo: 31, to: "IN_PROGRESS" }, { side: "receiver", daysAgo: 20, to: "COMPLETED", outcome: "GOT_HELP" }] },
  { n: 5, client: "gloria", to: "behavioral-health", needs: ["stress"], note: "Caregiver stress; open to counselling.", sent: 30, steps: [{ side: "receiver", daysAgo: 29, to: "REJECTED", reason: "NO_CAPACITY", reasonText: "Our Spanish-speaking counsellors are full until next month." }] },
  { n: 6, client: "marcus", to: "foodbank", needs: ["food-insecurity"], service: "Food Pantry", note: "Type 1 diabetes; needs food that fits his diet.", sent: 28, steps: [{ side: "receiver", daysAgo: 27, to: "REJECTED", reason: "NOT_A_GOOD_FIT", reasonText: "The pantry cannot guarantee a diabetic-friendly box. The senior center's medically tailored meals would fit better; we have asked them about capacity." }] },
  { n: 7, client: "ruth", to: "foodbank", needs: ["food-insecurity"], service: "Senior Food Box (CSFP)", note: "Lives alone; monthly food box would help.", sent: 20, steps: [{ side: "receiver", daysAgo: 19, to: "ACCEPTED" }, { side: "receiver", daysAgo: 18, to: "IN_PROGRESS" }] },
  { n: 8, client: "marcus", to: "housing-authority", needs: ["housing-instability"], note: "Staying with family; needs his own place.", sent: 15, steps: [{ side: "receiver", daysAgo: 12, to: "ACCEPTED" }] },
  { n: 9, client: "terrence", to: "legal-aid", needs: ["financial-insecurity"], note: "Wage claim against former employer.", sent: 12, steps: [{ side: "sender", daysAgo: 11, to: "CANCELLED", reasonText: "He found help through his union." }] },
  { n: 10, client: "delia", to: "hospital", needs: ["personal-health-literacy"], service: "Enhanced care management program", note: "Diabetes and heart failure, two admissions this spring; struggles with her medicines.", sent: 10, steps: [{ side: "receiver", daysAgo: 8, to: "ACCEPTED" }, { side: "receiver", daysAgo: 7, to: "IN_PROGRESS" }] },
  { n: 11, client: "robert", to: "foodbank", needs: ["food-insecurity"], note: "Home after surgery; his daughter shops on weekends only.", sent: 9, steps: [{ side: "receiver", daysAgo: 8, to: "ACCEPTED" }, { side: "receiver", daysAgo: 3, to: "COMPLETED", outcome: "GOT_HELP" }] },
  // Overdue: no answer after 6 days (the coalition's window is 3).
  { n: 12, client: "anh", to: "foodbank", needs: ["food-insecurity"], service: "Food Pantry", note: "Out of food until payday.", sent: 6, steps: [] },
  { n: 13, client: "maria", to: "foodbank", needs: ["food-insecurity"], service: "Mobile Food Pantry", note: "Prefiere que la llamen por la tarde.", sent: 2, steps: [] },
  { n: 14, client: "gloria", to: "ymca", needs: ["social-connection"], note: "Would enjoy a walking group.", sent: 1, steps: [] },
];

/** Care managers who send (and receive) in the demo; a primary care practice gets one for its referral. */
async function people(organizationIds: Map<string, string>) {
  const primaryCare = organizationIds.get("primary-care-mesa-junction");
  if (primaryCare) {
    await createUser({ email: "care.manager@primary-care.demo.test", name: "Elena Vigil", password: "coalition-demo", memberships: [{ organizationId: primaryCare, role: "CARE_MANAGER" }] });
  }
  const byOrg = new Map<string, { userId: string; role: OrganizationRole }>();
  const memberships = await db.membership.findMany({
    where: { organizationId: { in: [...organizationIds.values()] }, revokedAt: null, role: { in: ["CARE_MANAGER", "DIRECTOR"] }, user: { email: { endsWith: ".demo.test" } } },
    select: { userId: true, organizationId: true, role: true },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
  // Prefer a care manager; a director will do.
  for (const m of memberships) {
    const current = byOrg.get(m.organizationId);
    if (!current || (current.role !== "CARE_MANAGER" && m.role === "CARE_MANAGER")) byOrg.set(m.organizationId, { userId: m.userId, role: m.role });
  }
  return byOrg;
}

export async function seedDemoReferrals({ coalitionId, organizationIds }: { coalitionId: string; organizationIds: Map<string, string> }) {
  const org = (slug: string) => organizationIds.get(slug)!;
  const staff = await people(organizationIds);
  const actorOf = (slug: string): Actor | null => {
    const s = staff.get(org(slug));
    return s ? actorFor(s.userId, org(slug), { role: s.role, request: { userAgent: "seed" } }) : null;
  };

  // The hospital's care-management program, with fit criteria the referrer sees before sending.
  await db.directoryService.upsert({
    where: { id: CARE_PROGRAM_SERVICE_ID },
    update: {},
    create: {
      id: CARE_PROGRAM_SERVICE_ID,
      coalitionId,
      organizationId: org("hospital"),
      name: "Enhanced care management program",
      description: "A nurse and a community health worker follow adults with complex health and social needs for six months: home visits, medicines, appointments and benefits.",
      eligibilityDescription: "Adults 18 and over living in Pueblo County with two or more chronic conditions and a hospital stay or two emergency visits in the last six months. Not for people already enrolled in hospice or another care-management program.",
      applicationProcess: "Referral from a primary care practice or a hospital care team.",
      minimumAge: 18,
      languages: ["en", "es"],
      sdohCodes: ["personal-health-literacy", "medical-cost-burden"],
      free: true,
      capacityStatus: "CAPACITY",
      capacityAvailable: 6,
      capacityMaximum: 40,
      capacityUnit: "enrollees",
      capacityUpdatedAt: daysAgo(3),
      lastConfirmedAt: daysAgo(3),
    },
  });

  // Clients and their authorizations (in effect for the whole period).
  const clientIds = new Map<string, string>();
  for (const [handle, c] of Object.entries(clients)) {
    const actor = actorOf(c.of);
    if (!actor) continue;
    const existing = await findPossibleDuplicates({ organizationId: actor.organizationId, name: c.name, birthDate: c.birthDate });
    if (existing.length) {
      clientIds.set(handle, existing[0].id);
      continue;
    }
    const result = await registerClient({ actor, input: { name: c.name, birthDate: c.birthDate, contact: c.contact, address: c.address, preferredLanguage: c.preferredLanguage, confirmNotDuplicate: "yes" } });
    if (result.status !== "registered") continue;
    clientIds.set(handle, result.clientId);
    const categories = ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"] as const;
    await recordAuthorization({
      actor,
      clientId: result.clientId,
      input: {
        intent: "record", form: "GENERAL", categories: [...categories], recipientIds: c.recipients.map(org), purpose: "Referrals to coalition partners for the needs we discussed", language: c.preferredLanguage,
        effectiveDate: isoDay(-75), expiresOn: isoDay(290), expirationEvent: undefined, ackRevoke: "on", ackConditioning: "on", ackRedisclosure: "on", ackPart2: undefined,
        signerKind: "CLIENT", signerName: c.name, representativeAuthority: undefined, signatureMethod: "TYPED", signatureTyped: c.name, signatureImage: undefined,
      },
    });
  }
  // The two clients of the consent seed (authorized for the food bank two weeks ago).
  for (const [handle, name, birthDate] of [["maria", "María Elena Ortiz", "1971-03-14"], ["robert", "Robert Kline", "1948-11-02"]] as const) {
    const found = await findPossibleDuplicates({ organizationId: org("hospital"), name, birthDate });
    if (found.length) clientIds.set(handle, found[0].id);
  }

  const services = await db.directoryService.findMany({ where: { coalitionId, deletedAt: null, name: { in: [...new Set(referrals.map((r) => r.service).filter((s): s is string => !!s))] } }, select: { id: true, name: true, organizationId: true } });
  let created = 0;
  for (const r of referrals) {
    const clientId = clientIds.get(r.client);
    const senderSlug = r.client === "maria" || r.client === "robert" ? "hospital" : clients[r.client].of;
    const sender = actorOf(senderSlug);
    const receiver = actorOf(r.to);
    if (!clientId || !sender) continue;
    const serviceId = r.service ? services.find((s) => s.name === r.service && s.organizationId === org(r.to))?.id : undefined;
    const sent = await sendReferral({
      actor: sender,
      input: { clientId, recipientOrganizationId: org(r.to), serviceId, sdohCodes: r.needs, priority: r.priority ?? "ROUTINE", note: r.note, categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"], idempotencyKey: key(r.n) },
      at: daysAgo(r.sent),
    });
    if (!sent.created) continue;
    created += 1;
    let version = sent.referral.version;
    for (const step of r.steps) {
      const actor = step.side === "sender" ? sender : receiver;
      if (!actor) break;
      const { daysAgo: when, side: _side, ...move } = step;
      version = (await transitionReferral({ actor, referralId: sent.referral.id, input: { ...move, version }, at: daysAgo(when) })).version;
    }
  }
  return { referrals: referrals.length, created };
}
