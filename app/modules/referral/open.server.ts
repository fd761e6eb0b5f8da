/**
 * Reading one referral. The sender reads its own client; the recipient sees the client's details
 * only through the consent decision, checked again at every open and recorded in the accounting
 * of disclosures: after a revocation or expiry the recipient keeps the referral's status and
 * need, but no longer who the client is. Also the pre-send check (consent, capacity, fit).
 */
import { recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { decryptClient, releasedClientFields, type ClientIdentity } from "~/modules/client/service.server";
import type { ConsentCategory } from "~/modules/consent/categories";
import { authorizeDisclosure, decideAccess, type RefusalReason } from "~/modules/consent/decision.server";
import { decryptOptional } from "~/utils/field-encryption.server";
import { checkFit, type FitWarning } from "./fit";
import { loadFitFacts } from "./fit.server";
import { overdueOf, type Overdue } from "./overdue";
import { reminderWindows } from "./queries.server";
import { decryptComment, noteContext, sideOf, threadStateOf, type ThreadState } from "./service.server";
import { allowedMoves, type ReferralStatus, type Side } from "./state-machine";
import type { Actor } from "~/modules/auth/actor";

export type ReferralCheck = {
  client: { id: string; name: string; preferredLanguage: string };
  consent: { granted: ConsentCategory[]; refused: { category: ConsentCategory; reason: RefusalReason }[]; authorizationIds: string[] };
  service: { id: string; name: string; eligibilityDescription: string | null; capacityStatus: string | null; capacityConfirmedAt: Date | null; capacityAvailable: number | null; capacityUnit: string | null } | null;
  warnings: FitWarning[];
};

/** What the sender sees before pressing send. Decides, records nothing but the read of its own client. */
export async function checkReferral({ actor, clientId, recipientOrganizationId, serviceId, categories, needs, at = new Date() }: { actor: Actor; clientId: string; recipientOrganizationId: string; serviceId: string | null; categories: readonly ConsentCategory[]; needs: readonly string[]; at?: Date }): Promise<ReferralCheck> {
  const row = await db.client.findFirst({ where: { id: clientId, organizationId: actor.organizationId, deletedAt: null } });
  if (!row) throw recordNotFound("client");
  const facts = await loadFitFacts(db, { clientId, serviceId, recipientOrganizationId, needs, at });
  const decision = await decideAccess({ clientId, organizationId: recipientOrganizationId, categories, at });
  await recordAuditEvent({ action: "client.viewed", subjectType: "Client", subjectId: clientId, actorUserId: actor.userId, organizationId: actor.organizationId, metadata: { purpose: "referral-check", recipientOrganizationId }, request: actor.request });
  const client = decryptClient(row);
  return {
    client: { id: client.id, name: client.name, preferredLanguage: client.preferredLanguage },
    consent: { granted: decision.grantedCategories, refused: decision.refusals, authorizationIds: decision.authorizationIds },
    service: serviceId && facts.service
      ? { id: serviceId, name: facts.serviceName ?? "", eligibilityDescription: facts.eligibilityDescription, capacityStatus: facts.service.capacityStatus, capacityConfirmedAt: facts.service.capacityUpdatedAt, capacityAvailable: facts.capacityAvailable, capacityUnit: facts.capacityUnit }
      : null,
    warnings: checkFit(facts),
  };
}

export type TimelineEntry = {
  id: string;
  kind: "STATUS" | "COMMENT" | "REMINDER";
  fromStatus: ReferralStatus | null;
  toStatus: ReferralStatus | null;
  reason: string | null;
  text: string | null;
  outcome: string | null;
  body: string | null;
  /** A comment whose body the recipient may no longer read (the client's authorization ended). */
  withheld: boolean;
  actorName: string | null;
  organizationName: string | null;
  side: Side | null;
  at: Date;
};

export type ClientDetails =
  | { access: "own"; client: ClientIdentity }
  | { access: "consented"; categories: ConsentCategory[]; fields: Partial<ClientIdentity> }
  | { access: "withheld"; reasons: { category: ConsentCategory; reason: RefusalReason }[] };

export type ReferralView = Awaited<ReturnType<typeof openReferral>>;

export async function openReferral({ actor, referralId, at = new Date() }: { actor: Actor; referralId: string; at?: Date }) {
  const referral = await db.referral.findUnique({
    where: { id: referralId },
    include: {
      sender: { select: { id: true, name: true } },
      recipient: { select: { id: true, name: true } },
      service: { select: { id: true, name: true, eligibilityDescription: true } },
      events: { orderBy: [{ createdAt: "asc" }, { version: "asc" }] },
    },
  });
  if (!referral) throw recordNotFound("referral");
  let side: Side;
  try {
    side = sideOf(referral, actor.organizationId);
  } catch (error) {
    await recordAuditEvent({ action: "referral.read_refused", subjectType: "Referral", subjectId: referralId, actorUserId: actor.userId, organizationId: actor.organizationId, request: actor.request });
    throw error;
  }
  if (!actor.permissions.has(side === "sender" ? "referrals:send" : "referrals:receive")) throw recordNotFound("referral");

  let client: ClientDetails;
  let note: string | null = null;
  // Whether comments reach the recipient: one decision, the same as for the note (ADR 021, 068).
  let thread: ThreadState;
  if (side === "sender") {
    const row = await db.client.findUnique({ where: { id: referral.clientId } });
    if (!row) throw recordNotFound("client");
    client = { access: "own", client: decryptClient(row) };
    note = decryptOptional(referral.noteCipher, noteContext(referral.id));
    thread = threadStateOf(await decideAccess({ clientId: referral.clientId, organizationId: referral.recipientOrganizationId, categories: referral.categories, at }));
  } else {
    const decision = await authorizeDisclosure({
      clientId: referral.clientId,
      recipientOrganizationId: actor.organizationId,
      categories: referral.categories,
      channel: "referral",
      purpose: `Referral ${referral.id}`,
      actor,
      at,
    });
    if (decision.grantedCategories.length > 0) {
      const row = await db.client.findUniqueOrThrow({ where: { id: referral.clientId } });
      client = { access: "consented", categories: decision.grantedCategories, fields: releasedClientFields(decryptClient(row), decision.grantedCategories) };
      note = decryptOptional(referral.noteCipher, noteContext(referral.id));
    } else {
      client = { access: "withheld", reasons: decision.refusals };
    }
    thread = threadStateOf(decision);
  }
  // The sender holds the client's record and reads the whole thread; a closed thread shows the recipient no comment.
  const commentsHidden = side === "receiver" && !thread.open;
  await recordAuditEvent({ action: "referral.viewed", subjectType: "Referral", subjectId: referralId, actorUserId: actor.userId, organizationId: actor.organizationId, coalitionId: referral.coalitionId, metadata: { side, clientAccess: client.access }, request: actor.request });

  const userIds = [...new Set(referral.events.map((e) => e.actorUserId).filter((v): v is string => !!v))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const orgName = (id: string | null) => (id === referral.senderOrganizationId ? referral.sender.name : id === referral.recipientOrganizationId ? referral.recipient.name : null);
  const timeline: TimelineEntry[] = referral.events.map((e) => ({
    id: e.id,
    kind: e.kind,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    text: e.text,
    outcome: e.outcome,
    body: e.bodyCipher && !commentsHidden ? decryptComment(e.id, e.bodyCipher) : null,
    withheld: e.kind === "COMMENT" && commentsHidden,
    actorName: e.actorUserId ? (users.get(e.actorUserId) ?? null) : null,
    organizationName: orgName(e.organizationId),
    side: e.organizationId === referral.senderOrganizationId ? "sender" : e.organizationId === referral.recipientOrganizationId ? "receiver" : null,
    at: e.createdAt,
  }));

  const windows = await reminderWindows(referral.coalitionId);
  const overdue: Overdue = overdueOf(referral, windows, at);
  return {
    side,
    referral: {
      id: referral.id,
      status: referral.status,
      version: referral.version,
      priority: referral.priority,
      sdohCodes: referral.sdohCodes,
      categories: referral.categories,
      statusReason: referral.statusReason,
      statusReasonText: referral.statusReasonText,
      outcome: referral.outcome,
      outcomeText: referral.outcomeText,
      capacityStatus: referral.capacityStatus,
      capacityConfirmedAt: referral.capacityConfirmedAt,
      fitWarnings: referral.fitWarnings as unknown as FitWarning[],
      sentAt: referral.sentAt,
      acceptedAt: referral.acceptedAt,
      closedAt: referral.closedAt,
      sender: referral.sender,
      recipient: referral.recipient,
      service: referral.service,
    },
    client,
    note,
    thread,
    timeline,
    moves: allowedMoves(referral.status, side),
    overdue,
  };
}
