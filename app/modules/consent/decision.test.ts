/**
 * The consent decision, written out: every category × authorization state × who asks, through the
 * real services on a real database (authorizations recorded and revoked by the consent service).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { createOrganization, createTwoOrganizationWorld, createUser } from "../../../tests/factories";
import { actorFor, createAuthorization, createClient, isoDay } from "../../../tests/consent-factories";
import { CONSENT_CATEGORIES, GENERAL_CATEGORIES, type ConsentCategory } from "./categories";
import { authorizeDisclosure, decideAccess } from "./decision.server";
import { revokeAuthorization } from "./service.server";
import type { Actor } from "~/modules/auth/actor";

type State = "active" | "expired" | "revoked" | "not-yet-effective" | "part2-under-general";
type Asker = "named recipient" | "other organization" | "same organization";

// Columns, in order: CONTACT_DEMOGRAPHICS SOCIAL_NEEDS CARE_PLAN BEHAVIORAL_HEALTH HIV_STI SUD_PART2 CLINICAL_SUMMARY
// Y = allowed, n = refused. In every state the client signed a general authorization for all six
// general categories and (except "part2-under-general") a separate Part 2 authorization, both
// naming the recipient; "part2-under-general" is a general authorization whose row lists Part 2 too.
const MATRIX: Record<State, Record<Asker, string>> = {
  active:                { "named recipient": "YYYYYYY", "other organization": "nnnnnnn", "same organization": "YYYYYYY" },
  expired:               { "named recipient": "nnnnnnn", "other organization": "nnnnnnn", "same organization": "YYYYYYY" },
  revoked:               { "named recipient": "nnnnnnn", "other organization": "nnnnnnn", "same organization": "YYYYYYY" },
  "not-yet-effective":   { "named recipient": "nnnnnnn", "other organization": "nnnnnnn", "same organization": "YYYYYYY" },
  "part2-under-general": { "named recipient": "YYYYYnY", "other organization": "nnnnnnn", "same organization": "YYYYYYY" },
};

const EXPECTED_REASON: Record<State, string> = {
  active: "-",
  expired: "expired",
  revoked: "revoked",
  "not-yet-effective": "not-yet-effective",
  "part2-under-general": "part2-needs-part2-form",
};

describe("may organization X see categories C of client P now?", () => {
  const clients = {} as Record<State, string>;
  const asker = {} as Record<Asker, string>;
  let reader: Actor;

  beforeAll(async () => {
    const world = await createTwoOrganizationWorld();
    const outsider = await createOrganization({ coalitionId: world.coalition.id, name: "Org C (not named)" });
    const careManagerA = actorFor(world.careManagerA.id, world.orgA.id);
    reader = careManagerA;
    asker["named recipient"] = world.orgB.id;
    asker["other organization"] = outsider.id;
    asker["same organization"] = world.orgA.id;

    const periods: Record<Exclude<State, "part2-under-general">, { effectiveDate: string; expiresOn: string }> = {
      active: { effectiveDate: isoDay(-10), expiresOn: isoDay(30) },
      expired: { effectiveDate: isoDay(-60), expiresOn: isoDay(-2) },
      revoked: { effectiveDate: isoDay(-10), expiresOn: isoDay(30) },
      "not-yet-effective": { effectiveDate: isoDay(5), expiresOn: isoDay(60) },
    };
    for (const [state, period] of Object.entries(periods) as [keyof typeof periods, (typeof periods)[keyof typeof periods]][]) {
      const clientId = await createClient(careManagerA);
      const general = await createAuthorization(careManagerA, clientId, { recipientIds: [world.orgB.id], categories: [...GENERAL_CATEGORIES], ...period });
      const part2 = await createAuthorization(careManagerA, clientId, { recipientIds: [world.orgB.id], form: "PART2", categories: ["SUD_PART2"], ackPart2: "on", ...period });
      if (state === "revoked") {
        for (const a of [general, part2]) await revokeAuthorization({ actor: careManagerA, clientId, input: { authorizationId: a.authorizationId, receivedVia: "IN_PERSON_WRITTEN" } });
      }
      clients[state] = clientId;
    }
    // A general authorization whose stored categories include Part 2 (as an import or an old bug
    // might leave it): the service refuses to record one, so the row is altered directly.
    const clientId = await createClient(careManagerA);
    const general = await createAuthorization(careManagerA, clientId, { recipientIds: [world.orgB.id], categories: [...GENERAL_CATEGORIES], effectiveDate: isoDay(-1) });
    await db.$executeRaw`UPDATE "ConsentAuthorization" SET categories = array_append(categories, 'SUD_PART2') WHERE id = ${general.authorizationId}::uuid`;
    clients["part2-under-general"] = clientId;
  });

  const cases: [State, Asker, ConsentCategory, boolean][] = [];
  for (const [state, row] of Object.entries(MATRIX) as [State, Record<Asker, string>][]) {
    for (const [who, cells] of Object.entries(row) as [Asker, string][]) {
      CONSENT_CATEGORIES.forEach((category, i) => cases.push([state, who, category, cells[i] === "Y"]));
    }
  }

  it.each(cases)("%s authorization, %s, %s → allowed: %s", async (state, who, category, allowed) => {
    const decision = await decideAccess({ clientId: clients[state], organizationId: asker[who], categories: [category] });
    expect(decision.grantedCategories).toEqual(allowed ? [category] : []);
    if (!allowed) {
      const reason = decision.refusals[0].reason;
      expect(reason).toBe(who === "other organization" ? "no-authorization" : EXPECTED_REASON[state]);
    } else if (who === "named recipient") {
      // "under which authorization": a real authorization of this client
      const authorizationId = decision.grants[0].authorizationId!;
      const row = await db.consentAuthorization.findUniqueOrThrow({ where: { id: authorizationId } });
      expect(row.clientId).toBe(clients[state]);
      expect(row.categories).toContain(category);
      expect(row.form).toBe(category === "SUD_PART2" ? "PART2" : "GENERAL");
    } else {
      expect(decision.grants[0].authorizationId).toBeNull();
    }
  });

  it("an unknown client is refused for everyone", async () => {
    const decision = await decideAccess({ clientId: crypto.randomUUID(), organizationId: asker["same organization"], categories: "all" });
    expect(decision.clientFound).toBe(false);
    expect(decision.grantedCategories).toEqual([]);
  });

  it("authorizeDisclosure records every decision, and the accounting only what left", async () => {
    const before = await db.disclosure.count({ where: { clientId: clients.active } });
    const allowed = await authorizeDisclosure({ clientId: clients.active, recipientOrganizationId: asker["named recipient"], categories: ["SOCIAL_NEEDS", "SUD_PART2"], channel: "test", actor: reader });
    expect(allowed.grantedCategories).toEqual(["SOCIAL_NEEDS", "SUD_PART2"]);
    const refused = await authorizeDisclosure({ clientId: clients.active, recipientOrganizationId: asker["other organization"], categories: "all", channel: "test", actor: reader });
    expect(refused.grantedCategories).toEqual([]);
    await authorizeDisclosure({ clientId: clients.active, recipientOrganizationId: asker["same organization"], categories: "all", channel: "test", actor: reader });

    const rows = await db.disclosure.findMany({ where: { clientId: clients.active }, orderBy: { disclosedAt: "asc" } });
    expect(rows.length - before).toBe(1);
    const last = rows[rows.length - 1];
    expect(last).toMatchObject({ recipientOrganizationId: asker["named recipient"], categories: ["SOCIAL_NEEDS", "SUD_PART2"], channel: "test" });
    expect(last.authorizationIds).toHaveLength(2); // the general one and the Part 2 one

    const events = await db.auditEvent.findMany({ where: { subjectType: "Client", subjectId: clients.active, action: { startsWith: "consent.disclosure_" } }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.action).slice(-3)).toEqual(["consent.disclosure_allowed", "consent.disclosure_refused", "consent.disclosure_allowed"]);
    expect((events.at(-2)!.metadata as { recipientOrganizationId: string }).recipientOrganizationId).toBe(asker["other organization"]);
  });

  it("the accounting of disclosures cannot be edited or deleted in the database", async () => {
    const row = await db.disclosure.findFirstOrThrow({ where: { clientId: clients.active } });
    await expect(db.$executeRawUnsafe(`UPDATE "Disclosure" SET channel = 'x' WHERE id = '${row.id}'`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "Disclosure" WHERE id = '${row.id}'`)).rejects.toThrow(/append-only/);
  });

  it("a revocation stops disclosure from that moment: before it the same question was allowed", async () => {
    const world = await createTwoOrganizationWorld();
    const manager = await createUser({ memberships: [{ organizationId: world.orgA.id, role: "CARE_MANAGER" }] });
    const actor = actorFor(manager.id, world.orgA.id);
    const clientId = await createClient(actor);
    const { authorizationId } = await createAuthorization(actor, clientId, { recipientIds: [world.orgB.id], effectiveDate: isoDay(-1) });
    expect((await decideAccess({ clientId, organizationId: world.orgB.id, categories: ["SOCIAL_NEEDS"] })).grantedCategories).toEqual(["SOCIAL_NEEDS"]);
    const { revokedAt } = await revokeAuthorization({ actor, clientId, input: { authorizationId, receivedVia: "MAIL" } });
    expect((await decideAccess({ clientId, organizationId: world.orgB.id, categories: ["SOCIAL_NEEDS"] })).grantedCategories).toEqual([]);
    // Asked as of a moment before the revocation, the answer was yes.
    const earlier = new Date(revokedAt.getTime() - 1000);
    expect((await decideAccess({ clientId, organizationId: world.orgB.id, categories: ["SOCIAL_NEEDS"], at: earlier })).grantedCategories).toEqual(["SOCIAL_NEEDS"]);
  });
});
