/**
 * "The check missed this" (issue #19, ADR 089): any participant marks a span of a shared vignette or
 * of a message as an identifier the check missed. The vignette is withdrawn or the message hidden at
 * once (the same safeguards as ADR 032, so the live room and the author see it as they do today),
 * the marked words join the author's organization's private lexicon as keyed hashes (blind indexes,
 * as a client's name; never in clear, not even in the audit trail), which the identifier check
 * consults from then on (client/known-names), and the miss is counted for the coalition's privacy
 * lead. The live room's "identifier:report" socket event calls this and tells the room (ADR 092).
 */
import { z } from "zod";
import { AppError, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import { nameTokensOf } from "~/modules/client/known-names.server";
import { IDENTIFIER_TYPES } from "~/modules/deid/types";
import type { ChatMessage } from "~/realtime/events";
import { VIGNETTE_FIELDS } from "./schemas";
import { requireConferenceAccess, type Actor } from "./service.server";
import { hideMessage } from "./chat.server";
import { withdrawVignette } from "./vignettes.server";
import { translatable } from "~/utils/translatable";

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
  .refine((v) => v.end > v.start && v.end - v.start <= MISSED_SPAN_MAX, { path: ["end"], message: translatable("errors.services.conference.markLength", { max: MISSED_SPAN_MAX }) });
export type MissedIdentifierInput = z.input<typeof missedIdentifierSchema>;

function invalid(fieldErrors: Record<string, string[]>) {
  return new AppError({ message: translatable("errors.services.conference.markDoesNotFit"), fieldErrors });
}

/** Hides the marked text for everyone and teaches the author's organization's lexicon its words. */
export async function reportMissedIdentifier({ actor, conferenceId, input }: { actor: Actor; conferenceId: string; input: unknown }) {
  const parsed = missedIdentifierSchema.safeParse(input);
  if (!parsed.success) throw invalid(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "input", [i.message]])));
  const { target, start, end, type } = parsed.data;
  const conference = await requireConferenceAccess(conferenceId, actor.organizationId);

  let text: string;
  let authorOrganizationId: string;
  let authorId: string;
  if (target.kind === "vignette") {
    const vignette = await db.vignette.findFirst({ where: { id: target.vignetteId, conferenceId, sharedAt: { not: null } } });
    if (!vignette) throw recordNotFound("vignette");
    text = vignette[target.field] ?? "";
    authorOrganizationId = vignette.authorOrganizationId;
    authorId = vignette.authorId;
  } else {
    const message = await db.conferenceMessage.findUnique({ where: { conferenceId_seq: { conferenceId, seq: target.seq } } });
    if (!message || message.hiddenAt) throw recordNotFound("message");
    text = message.body;
    authorOrganizationId = message.organizationId;
    authorId = message.authorId;
  }
  if (end > text.length) throw invalid({ end: ["The mark goes past the end of the text"] });
  const marked = text.slice(start, end).trim();
  if (!/[\p{L}\p{N}]/u.test(marked)) throw invalid({ start: ["Mark words or numbers"] });
  const tokens = nameTokensOf(marked);

  // Hidden first: the safeguard matters more than the count (both are idempotent).
  let message: ChatMessage | null = null;
  if (target.kind === "vignette") await withdrawVignette({ actor, conferenceId, vignetteId: target.vignetteId, joined: true });
  else message = await hideMessage({ actor, conferenceId, seq: target.seq, joined: true });

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
    // `message`: the hidden message, for the caller to broadcast; the author, to be told.
    return { id: missed.id, authorOrganizationId, authorId, type, message, hidden: true as const };
  });
}

/** How many misses participants marked in the coalition's conferences (for its privacy lead), since a date if given. */
export function missedIdentifierCount({ coalitionId, since }: { coalitionId: string; since?: Date }) {
  return db.missedIdentifier.count({ where: { coalitionId, ...(since ? { createdAt: { gte: since } } : {}) } });
}

/**
 * Why the author's vignette was withdrawn, when a "the check missed this" report did it: the kind of
 * identifier (never the words), for the author's editor. Null when the last withdrawal was a plain one.
 */
export async function missedReportBehindWithdrawal(vignette: { id: string; withdrawnAt: Date | null }) {
  if (!vignette.withdrawnAt) return null;
  const last = await db.missedIdentifier.findFirst({ where: { vignetteId: vignette.id }, orderBy: { createdAt: "desc" }, select: { type: true, createdAt: true } });
  return last && last.createdAt >= vignette.withdrawnAt ? { type: last.type } : null;
}

const monthKey = (date: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(date);
  return `${parts.find((p) => p.type === "year")?.value}-${parts.find((p) => p.type === "month")?.value}`;
};

/**
 * Misses per calendar month (the coalition's time zone) over the last `months` months, oldest first,
 * months without a miss included, with the count per identifier type — for the coalition's privacy
 * lead (ADR 092). Counts only: the words are hashes and never leave this module.
 */
export async function missedIdentifiersByMonth({ coalitionId, timeZone, months = 12, now = new Date() }: { coalitionId: string; timeZone: string; months?: number; now?: Date }) {
  const keys: string[] = [];
  const [year, month] = monthKey(now, timeZone).split("-").map(Number) as [number, number];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(year, month - 1 - i, 1));
    keys.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  // A day's margin either side of the first month's start covers any time zone; the keys decide.
  const since = new Date(Date.UTC(year, month - months, 1) - 86_400_000);
  const rows = await db.missedIdentifier.findMany({ where: { coalitionId, createdAt: { gte: since } }, select: { type: true, createdAt: true } });
  const byMonth = new Map(keys.map((k) => [k, { month: k, count: 0, byType: {} as Record<string, number> }]));
  for (const row of rows) {
    const bucket = byMonth.get(monthKey(row.createdAt, timeZone));
    if (!bucket) continue;
    bucket.count += 1;
    bucket.byType[row.type] = (bucket.byType[row.type] ?? 0) + 1;
  }
  return [...byMonth.values()];
}
