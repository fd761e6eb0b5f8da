/**
 * THE consent decision: "may organization X see categories C of client P now, and under which
 * authorization?" Every cross-organization read and every disclosure (client view, FHIR, later
 * referrals, conferences, exports) calls `authorizeDisclosure`, which decides, records the decision
 * in the audit trail and, when something is disclosed, in the accounting of disclosures — in one
 * transaction. `decideAccess` answers the same question without recording (the client's own
 * organization uses it to show who can see what).
 *
 * Rules: the client's own organization sees everything. Another organization sees a category only
 * under an authorization of that client that names it as recipient, includes the category, is
 * effective (effectiveAt <= now), not expired (now < expiresAt) and not revoked (now < revokedAt).
 * Substance use disorder records (Part 2) only under a PART2 authorization: a general one never
 * covers them, even if a row says so.
 */
import { db, Prisma } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { CONSENT_CATEGORIES, PART2_CATEGORY, type AuthorizationForm, type ConsentCategory } from "./categories";
import type { Actor, ActorScope } from "~/modules/auth/actor";

type Tx = Prisma.TransactionClient;

export type RefusalReason = "unknown-client" | "no-authorization" | "revoked" | "expired" | "not-yet-effective" | "part2-needs-part2-form";

export type AuthorizationFacts = {
  id: string;
  form: AuthorizationForm;
  categories: ConsentCategory[];
  effectiveAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  signedAt: Date;
  recipientIds: string[];
};

export type AccessDecision = {
  clientId: string;
  organizationId: string;
  at: Date;
  clientFound: boolean;
  clientOrganizationId: string | null;
  sameOrganization: boolean;
  grants: { category: ConsentCategory; authorizationId: string | null }[];
  refusals: { category: ConsentCategory; reason: RefusalReason }[];
  grantedCategories: ConsentCategory[];
  authorizationIds: string[];
  /**
   * When a refusal is "revoked" or "expired": the latest moment such an authorization ended (its
   * revokedAt or expiresAt), so a page can say "revoked on …". Null otherwise.
   */
  endedAt: Date | null;
};

// When several authorizations name the category but none is in effect, say the most telling reason.
const REASON_RANK: RefusalReason[] = ["part2-needs-part2-form", "revoked", "expired", "not-yet-effective", "no-authorization"];

function stateAt(a: AuthorizationFacts, at: Date): RefusalReason | null {
  if (a.revokedAt && a.revokedAt <= at) return "revoked";
  if (a.expiresAt && a.expiresAt <= at) return "expired";
  if (a.effectiveAt > at) return "not-yet-effective";
  return null;
}

/** The pure rule, over facts already loaded. */
export function evaluateAccess({ clientOrganizationId, organizationId, authorizations, categories, at }: { clientOrganizationId: string; organizationId: string; authorizations: AuthorizationFacts[]; categories: readonly ConsentCategory[]; at: Date }) {
  const grants: AccessDecision["grants"] = [];
  const refusals: AccessDecision["refusals"] = [];
  let endedAt: Date | null = null;
  const same = clientOrganizationId === organizationId;
  for (const category of categories) {
    if (same) {
      grants.push({ category, authorizationId: null });
      continue;
    }
    const naming = authorizations.filter((a) => a.recipientIds.includes(organizationId) && a.categories.includes(category));
    const reasons: RefusalReason[] = [];
    const valid = naming
      .filter((a) => {
        const problem = category === PART2_CATEGORY && a.form !== "PART2" ? "part2-needs-part2-form" : stateAt(a, at);
        if (problem) reasons.push(problem);
        return problem === null;
      })
      .sort((x, y) => y.signedAt.getTime() - x.signedAt.getTime());
    if (valid.length) {
      grants.push({ category, authorizationId: valid[0].id });
      continue;
    }
    const reason = REASON_RANK.find((r) => reasons.includes(r)) ?? "no-authorization";
    refusals.push({ category, reason });
    for (const a of naming) {
      const ended = reason === "revoked" ? a.revokedAt : reason === "expired" ? a.expiresAt : null;
      if (ended && ended <= at && (!endedAt || ended > endedAt)) endedAt = ended;
    }
  }
  return { sameOrganization: same, grants, refusals, endedAt };
}

export async function decideAccess(
  { clientId, organizationId, categories, at = new Date() }: { clientId: string; organizationId: string; categories: readonly ConsentCategory[] | "all"; at?: Date },
  tx: Tx | typeof db = db,
): Promise<AccessDecision> {
  const wanted = categories === "all" ? CONSENT_CATEGORIES : categories;
  const client = await tx.client.findFirst({
    where: { id: clientId, deletedAt: null },
    select: {
      organizationId: true,
      authorizations: { select: { id: true, form: true, categories: true, effectiveAt: true, expiresAt: true, revokedAt: true, signedAt: true, recipients: { select: { organizationId: true } } } },
    },
  });
  if (!client) {
    return {
      clientId, organizationId, at, clientFound: false, clientOrganizationId: null, sameOrganization: false,
      grants: [], refusals: wanted.map((category) => ({ category, reason: "unknown-client" as const })), grantedCategories: [], authorizationIds: [], endedAt: null,
    };
  }
  const authorizations: AuthorizationFacts[] = client.authorizations.map((a) => ({ ...a, recipientIds: a.recipients.map((r) => r.organizationId) }));
  const result = evaluateAccess({ clientOrganizationId: client.organizationId, organizationId, authorizations, categories: wanted, at });
  return {
    clientId,
    organizationId,
    at,
    clientFound: true,
    clientOrganizationId: client.organizationId,
    ...result,
    grantedCategories: result.grants.map((g) => g.category),
    authorizationIds: [...new Set(result.grants.map((g) => g.authorizationId).filter((v): v is string => !!v))],
  };
}

/**
 * Decides and records: an audit event for every decision (allowed or refused), and a row in the
 * accounting of disclosures when categories go to another organization. Callers release only
 * `grantedCategories`.
 */
export async function authorizeDisclosure(
  input: { clientId: string; recipientOrganizationId: string; categories: readonly ConsentCategory[] | "all"; channel: string; purpose?: string; /** Any actor: a person, or a partner system with an API key. */ actor: Actor<ActorScope>; at?: Date },
  tx?: Tx,
): Promise<AccessDecision> {
  const run = async (t: Tx) => {
    const decision = await decideAccess({ clientId: input.clientId, organizationId: input.recipientOrganizationId, categories: input.categories, at: input.at }, t);
    const disclosed = decision.clientFound && !decision.sameOrganization && decision.grantedCategories.length > 0;
    await recordAuditEvent(
      {
        action: decision.grantedCategories.length ? "consent.disclosure_allowed" : "consent.disclosure_refused",
        subjectType: "Client",
        subjectId: input.clientId,
        actorUserId: input.actor.userId ?? null,
        // The custodian's trail: the client's organization sees who asked for its client.
        organizationId: decision.clientOrganizationId ?? input.recipientOrganizationId,
        metadata: {
          recipientOrganizationId: input.recipientOrganizationId,
          channel: input.channel,
          apiKeyId: input.actor.apiKeyId ?? undefined,
          granted: decision.grants,
          refused: decision.refusals,
        },
        request: input.actor.request,
      },
      t,
    );
    if (disclosed) {
      await t.disclosure.create({
        data: {
          clientId: input.clientId,
          authorizationIds: decision.authorizationIds,
          sourceOrganizationId: decision.clientOrganizationId!,
          recipientOrganizationId: input.recipientOrganizationId,
          categories: decision.grantedCategories,
          channel: input.channel,
          purpose: input.purpose ?? null,
          actorUserId: input.actor.userId ?? null,
          apiKeyId: input.actor.apiKeyId ?? null,
          disclosedAt: decision.at,
        },
      });
    }
    return decision;
  };
  return tx ? run(tx) : db.$transaction(run);
}
