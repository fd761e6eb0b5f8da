/** The live discussion: messages checked before they are stored, numbered, hidden when they could identify someone. */
import { AppError, recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";
import { recordAuditEvent } from "~/modules/audit/service.server";
import type { Finding } from "~/modules/deid/types";
import type { ChatMessage } from "~/realtime/events";
import { MESSAGE_MAX_LENGTH } from "./schemas";
import { requireConferenceAccess, type Actor } from "./service.server";
import { checkTexts, coalitionOf } from "./identifiers.server";
import { translatable } from "~/utils/translatable";

const toChatMessage = (m: {
  id: string; seq: number; vignetteId: string | null; authorId: string; authorName: string; organizationId: string; organizationName: string; body: string; createdAt: Date;
  hiddenAt: Date | null; hiddenByName: string | null;
}): ChatMessage => ({
  id: m.id,
  seq: m.seq,
  vignetteId: m.vignetteId,
  authorId: m.authorId,
  authorName: m.authorName,
  organizationId: m.organizationId,
  organizationName: m.organizationName,
  body: m.hiddenAt ? "" : m.body,
  createdAt: m.createdAt.toISOString(),
  hiddenAt: m.hiddenAt?.toISOString() ?? null,
  hiddenByName: m.hiddenByName,
});

/** `replayed`: the author had sent this message (same client message id) before; it was stored then, not now. */
export type PostResult = { status: "posted"; message: ChatMessage; replayed?: boolean } | { status: "held"; findings: Finding[] };

/**
 * Checks the message with the detector first: a message with an identifier is returned to its
 * author (status "held") and never stored. Otherwise it gets the conference's next sequence
 * number (row lock on the conference: numbers are gap-free and ordered across server processes)
 * and is stored; the caller acknowledges and broadcasts only after this resolves.
 * With a `clientMessageId` the send is idempotent per author: a retry of a send whose
 * acknowledgement was lost (its server killed, the socket cut) returns the message stored the
 * first time, `replayed`, and stores nothing (ADR 090).
 */
export async function postMessage({
  actor,
  conferenceId,
  vignetteId,
  body,
  clientMessageId,
  joined,
}: {
  actor: Actor;
  conferenceId: string;
  vignetteId?: string | null;
  body: string;
  clientMessageId?: string;
  /** Set by the socket layer for a socket whose join (membership and access) was checked. */
  joined?: { organizationName: string };
}): Promise<PostResult> {
  if (body.length > MESSAGE_MAX_LENGTH) throw new AppError({ message: translatable("errors.services.conference.messageTooLong", { max: MESSAGE_MAX_LENGTH }), status: 413 });
  if (!joined) {
    const conference = await requireConferenceAccess(conferenceId, actor.organizationId);
    if (conference.status === "ENDED") throw new AppError({ message: translatable("errors.services.conference.ended"), status: 409 });
  }
  const earlier = await sentBefore(conferenceId, actor.userId, clientMessageId);
  if (earlier) return earlier;
  if (vignetteId) {
    const vignette = await db.vignette.findFirst({ where: { id: vignetteId, conferenceId, sharedAt: { not: null } }, select: { id: true } });
    if (!vignette) throw recordNotFound("vignette");
  }
  const [findings = []] = await checkTexts(actor.organizationId, [body], await coalitionOf(conferenceId));
  if (findings.length) {
    await recordAuditEvent({
      action: "conference.message_held",
      subjectType: "Conference",
      subjectId: conferenceId,
      actorUserId: actor.userId,
      organizationId: actor.organizationId,
      metadata: { types: [...new Set(findings.map((f) => f.type))] },
      request: actor.request,
    });
    return { status: "held", findings };
  }
  const organizationName = joined?.organizationName ?? (await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } })).name;
  const store = db.$transaction(async (tx) => {
    const { lastMessageSeq, status } = await tx.conference.update({ where: { id: conferenceId }, data: { lastMessageSeq: { increment: 1 } }, select: { lastMessageSeq: true, status: true } });
    // Checked under the row lock: a conference ended a moment ago takes no more messages.
    if (status === "ENDED") throw new AppError({ message: translatable("errors.services.conference.ended"), status: 409 });
    return tx.conferenceMessage.create({
      data: {
        conferenceId,
        seq: lastMessageSeq,
        vignetteId: vignetteId ?? null,
        authorId: actor.userId,
        authorName: actor.userName,
        organizationId: actor.organizationId,
        organizationName,
        body,
        clientMessageId: clientMessageId ?? null,
      },
    });
  });
  try {
    return { status: "posted", message: toChatMessage(await store) };
  } catch (error) {
    // The same send, retried while the first was still being stored (on this or another node).
    const raced = (error as { code?: string }).code === "P2002" ? await sentBefore(conferenceId, actor.userId, clientMessageId) : null;
    if (raced) return raced;
    throw error;
  }
}

async function sentBefore(conferenceId: string, authorId: string, clientMessageId: string | undefined): Promise<PostResult | null> {
  if (!clientMessageId) return null;
  const message = await db.conferenceMessage.findUnique({ where: { conferenceId_authorId_clientMessageId: { conferenceId, authorId, clientMessageId } } });
  return message ? { status: "posted", message: toChatMessage(message), replayed: true } : null;
}

/** Messages after sequence number `sinceSeq`, in order (the reconnect catch-up). */
export async function messagesSince(conferenceId: string, sinceSeq: number, limit = 1000) {
  const rows = await db.conferenceMessage.findMany({ where: { conferenceId, seq: { gt: sinceSeq } }, orderBy: { seq: "asc" }, take: limit });
  return rows.map(toChatMessage);
}

/** Every hidden message of a conference (few): a re-join applies hides it missed among older messages. */
export async function hiddenMessages(conferenceId: string) {
  const rows = await db.conferenceMessage.findMany({ where: { conferenceId, hiddenAt: { not: null } }, orderBy: { seq: "asc" } });
  return rows.map(toChatMessage);
}

/**
 * Hides a message for everyone because it could identify someone (the detector missed it): the
 * body is erased in the database, not just masked, and an audit event records who hid which
 * message (without its text). Any participating organization may hide any message, also after the
 * conference ended (the summary keeps the discussion); hiding twice is harmless and cannot be undone.
 */
export async function hideMessage({ actor, conferenceId, seq, joined }: { actor: Actor; conferenceId: string; seq: number; joined?: boolean }): Promise<ChatMessage> {
  if (!joined) await requireConferenceAccess(conferenceId, actor.organizationId);
  return db.$transaction(async (tx) => {
    const hidden = await tx.conferenceMessage.updateMany({
      where: { conferenceId, seq, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenByName: actor.userName, body: "" },
    });
    const message = await tx.conferenceMessage.findUnique({ where: { conferenceId_seq: { conferenceId, seq } } });
    if (!message) throw recordNotFound("message");
    if (hidden.count) {
      await recordAuditEvent(
        {
          action: "conference.message_hidden",
          subjectType: "Conference",
          subjectId: conferenceId,
          actorUserId: actor.userId,
          organizationId: actor.organizationId,
          metadata: { seq, messageId: message.id, authorId: message.authorId },
          request: actor.request,
        },
        tx,
      );
    }
    return toChatMessage(message);
  });
}

