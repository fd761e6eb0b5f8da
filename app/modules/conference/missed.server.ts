/**
 * "The check missed this" (issue #19, ADR 089): any participant marks a span of a shared vignette or
 * of a message as an identifier the check missed. The vignette is withdrawn or the message hidden at
 * once (the same safeguards as ADR 032, so the live room and the author see it as they do today),
 * the marked words join the author's organization's private lexicon as keyed hashes (blind indexes,
 * as a client's name; never in clear, not even in the audit trail), which the identifier check
 * consults from then on (client/known-names), and the miss is counted for the coalition's privacy
 * lead. No UI here: the conference room is being restructured (the socket or route calls this).
 */
import { z } from "zod";
import { AppError, notFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { nameTokensOf } from "~/modules/client/known-names.server";
import { IDENTIFIER_TYPES } from "~/modules/deid/types";
import { VIGNETTE_FIELDS } from "./schemas";
import { requireConferenceAccess, type Actor } from "./service.server";
import { hideMessage } from "./chat.server";
import { withdrawVignette } from "./vignettes.server";

export const MISSED_SPAN_MAX = 200;

export const missedIdentifierSchema = z
  .object({
    target: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("vignette"), vignetteId: z.string().uuid(), field: z.enum(VIGNETTE_FIELDS) }),
      z.object({ kind: z.literal("message"), seq: z.number().int().min(1) }),
    ]),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    type: z.enum(IDENTIFIER_TYPES),
  })
  .refine((v) => v.end > v.start && v.end - v.start <= MISSED_SPAN_MAX, { path: ["end"], message: `Mark between 1 and ${MISSED_SPAN_MAX} characters` });
export type MissedIdentifierInput = z.input<typeof missedIdentifierSchema>;

function invalid(fieldErrors: Record<string, string[]>) {
  return new AppError({ message: "That mark does not fit the text.", fieldErrors });
}

/** Hides the marked text for everyone and teaches the author's organization's lexicon its words. */
export async function reportMissedIdentifier({ actor, conferenceId, input }: { actor: Actor; conferenceId: string; input: unknown }) {
  const parsed = missedIdentifierSchema.safeParse(input);
  if (!parsed.success) throw invalid(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "input", [i.message]])));
  const { target, start, end, type } = parsed.data;
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);

  let text: string;
  let authorOrganizationId: string;
  if (target.kind === "vignette") {
    const vignette = await db.vignette.findFirst({ where: { id: target.vignetteId, conferenceId, sharedAt: { not: null } } });
    if (!vignette) throw notFound("Vignette not found");
    text = vignette[target.field] ?? "";
    authorOrganizationId = vignette.authorOrganizationId;
  } else {
    const message = await db.conferenceMessage.findUnique({ where: { conferenceId_seq: { conferenceId, seq: target.seq } } });
    if (!message || message.hiddenAt) throw notFound("Message not found");
    text = message.body;
    authorOrganizationId = message.organizationId;
  }
  if (end > text.length) throw invalid({ end: ["The mark goes past the end of the text"] });
  const marked = text.slice(start, end).trim();
  if (!/[\p{L}\p{N}]/u.test(marked)) throw invalid({ start: ["Mark words or numbers"] });
  const tokens = nameTokensOf(marked);

  // Hidden first: the safeguard matters more than the count (both are idempotent).
  if (target.kind === "vignette") await withdrawVignette({ actor, conferenceId, vignetteId: target.vignetteId, joined: true });
  else await hideMessage({ actor, conferenceId, seq: target.seq, joined: true });

  return db.$transaction(async (tx) => {
    const missed = await tx.missedIdentifier.create({
      data: {
        coalitionId: conference.coalitionId, conferenceId, organizationId: authorOrganizationId, type, tokens, reportedById: actor.userId,
        vignetteId: target.kind === "vignette" ? target.vignetteId : null, messageSeq: target.kind === "message" ? target.seq : null,
      },
    });
    await recordAuditEvent(
      {
        action: "conference.identifier_missed", subjectType: "Conference", subjectId: conferenceId, actorUserId: actor.userId, organizationId: actor.organizationId,
        // The type and where, never the words.
        metadata: { type, target: target.kind, vignetteId: target.kind === "vignette" ? target.vignetteId : null, seq: target.kind === "message" ? target.seq : null, authorOrganizationId },
        request: actor.request,
      },
      tx,
    );
    return { id: missed.id, authorOrganizationId, hidden: true as const };
  });
}

/** How many misses participants marked in the coalition's conferences (for its privacy lead), since a date if given. */
export function missedIdentifierCount({ coalitionId, since }: { coalitionId: string; since?: Date }) {
  return db.missedIdentifier.count({ where: { coalitionId, ...(since ? { createdAt: { gte: since } } : {}) } });
}
