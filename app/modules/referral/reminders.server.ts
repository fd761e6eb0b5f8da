/**
 * Referral reminders. A referral is overdue for a response when it has waited in REQUESTED longer
 * than the coalition's referralAcceptDays (default 3), and overdue for an update when it is being
 * worked (accepted, in progress, on hold) and the receiver has said nothing for referralUpdateDays
 * (default 7; the guidance: update the referring provider within one week). The same rule as
 * overdueOf() in overdue.ts, here in SQL.
 *
 * Each overdue referral is reminded once per window: once per referral for the response, and once
 * per silence for updates (a receiver update starts a new window). For each reminder, in one
 * transaction: the claim (a conditional UPDATE of acceptReminderAt / updateReminderAt that only
 * one of two concurrent runs can win), a REMINDER timeline event and an audit event. After commit:
 * the emails (through the mail outbox; at most once: a crash between commit and send loses that
 * email, never doubles it) and the live "reminder" event. Response reminders go to the receiving
 * organization's directors and care managers; update reminders go to the person who sent it.
 * Emails name the organizations and the need, never the client.
 */
import { db, Prisma } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { recordAuditEvent, type RequestMeta } from "~/modules/audit/service.server";
import { getMailer, type Mailer } from "~/modules/mail/mailer.server";
import { GRAVITY_CATEGORIES } from "~/modules/sdoh/roll-up";
import { memberToNotify, peopleToNotify } from "~/modules/org/membership.server";
import { emitReferralChanged } from "./service.server";
import { AWAITING_RESPONSE, BEING_WORKED, type ReferralStatus } from "./state-machine";

export type ReminderKind = "response" | "update";
const DAY_MS = 86_400_000;
/** Referrals reminded per run at most (the next run takes the rest). */
const BATCH = 200;

const statusList = (statuses: readonly ReferralStatus[]) => Prisma.join(statuses.map((s) => Prisma.sql`${s}::"ReferralStatus"`));
const LAST_UPDATE = Prisma.sql`coalesce(r."lastReceiverUpdateAt", r."acceptedAt", r."sentAt")`;

/** "Due a reminder now" for each kind, for the referral `r` joined to its coalition `c`: one rule for the scan and the claim. */
const DUE: Record<ReminderKind, (at: Date) => Prisma.Sql> = {
  response: (at) => Prisma.sql`r."status" IN (${statusList(AWAITING_RESPONSE)}) AND r."acceptReminderAt" IS NULL
        AND r."sentAt" + make_interval(days => c."referralAcceptDays") <= ${at}`,
  update: (at) => Prisma.sql`r."status" IN (${statusList(BEING_WORKED)})
        AND ${LAST_UPDATE} + make_interval(days => c."referralUpdateDays") <= ${at}
        AND (r."updateReminderAt" IS NULL OR r."updateReminderAt" < ${LAST_UPDATE})`,
};

/** Referrals due a reminder now (not yet reminded for their current window). */
async function dueReferrals(at: Date) {
  return db.$queryRaw<{ id: string; kind: ReminderKind }[]>`
    (SELECT r."id"::text AS id, 'response' AS kind FROM "Referral" r JOIN "Coalition" c ON c."id" = r."coalitionId"
      WHERE ${DUE.response(at)}
      ORDER BY r."sentAt" LIMIT ${BATCH})
    UNION ALL
    (SELECT r."id"::text AS id, 'update' AS kind FROM "Referral" r JOIN "Coalition" c ON c."id" = r."coalitionId"
      WHERE ${DUE.update(at)}
      ORDER BY ${LAST_UPDATE} LIMIT ${BATCH})`;
}

type Claimed = { id: string; coalitionId: string; status: ReferralStatus; version: number; senderOrganizationId: string; recipientOrganizationId: string; senderUserId: string; sdohCodes: string[]; since: Date };

/**
 * The claim: stamps the reminder time only if the referral is still due and unclaimed. Of two
 * processes running at once, the second waits for the first's row lock, re-checks the WHERE on
 * the committed row and updates nothing.
 */
async function claim(tx: Prisma.TransactionClient, id: string, kind: ReminderKind, at: Date): Promise<Claimed | null> {
  const stamp = kind === "response" ? Prisma.sql`"acceptReminderAt"` : Prisma.sql`"updateReminderAt"`;
  const since = kind === "response" ? Prisma.sql`r."sentAt"` : LAST_UPDATE;
  const rows = await tx.$queryRaw<Claimed[]>`
    UPDATE "Referral" r SET ${stamp} = ${at}
    FROM "Coalition" c
    WHERE r."id" = ${id}::uuid AND c."id" = r."coalitionId" AND ${DUE[kind](at)}
    RETURNING r."id"::text AS id, r."coalitionId"::text AS "coalitionId", r."status"::text AS status, r."version", r."senderOrganizationId"::text AS "senderOrganizationId",
      r."recipientOrganizationId"::text AS "recipientOrganizationId", r."senderUserId"::text AS "senderUserId", r."sdohCodes", ${since} AS since`;
  return rows[0] ?? null;
}

type Person = { email: string; preferredLocale: string | null };

async function recipientsOf(tx: Prisma.TransactionClient, r: Claimed, kind: ReminderKind): Promise<Person[]> {
  if (kind === "update") {
    // The person who sent it, while still in the sending organization; else its directors.
    const sender = await memberToNotify(r.senderUserId, r.senderOrganizationId, tx);
    if (sender) return [sender];
    return peopleToNotify(r.senderOrganizationId, { roles: ["DIRECTOR"] }, tx);
  }
  return peopleToNotify(r.recipientOrganizationId, { roles: ["DIRECTOR", "CARE_MANAGER"] }, tx);
}

const needLabel = (codes: string[]) => codes.map((c) => GRAVITY_CATEGORIES.find((g) => g.code === c)?.display ?? c).join(", ") || "a social need";

function reminderEmail(kind: ReminderKind, locale: string | null, f: { sender: string; recipient: string; need: string; days: number; link: string }) {
  const es = locale?.startsWith("es");
  if (kind === "response") {
    return es
      ? { subject: `Derivación de ${f.sender} sin respuesta desde hace ${f.days} días`, text: `${f.sender} envió a ${f.recipient} una derivación (${f.need}) hace ${f.days} días y todavía espera que la acepten o la rechacen.\n\nÁbrala aquí: ${f.link}\n` }
      : { subject: `A referral from ${f.sender} has waited ${f.days} days for an answer`, text: `${f.sender} sent ${f.recipient} a referral (${f.need}) ${f.days} days ago and is still waiting for it to be accepted or declined.\n\nOpen it here: ${f.link}\n` };
  }
  return es
    ? { subject: `Sin novedades de ${f.recipient} desde hace ${f.days} días`, text: `La derivación que envió a ${f.recipient} (${f.need}) no tiene novedades desde hace ${f.days} días. Puede dejar un comentario para pedir una actualización.\n\nÁbrala aquí: ${f.link}\n` }
    : { subject: `No update from ${f.recipient} for ${f.days} days`, text: `The referral you sent to ${f.recipient} (${f.need}) has had no update for ${f.days} days. You can leave a comment to ask for one.\n\nOpen it here: ${f.link}\n` };
}

export type ReminderRunResult = { reminded: { referralId: string; kind: ReminderKind; emails: number }[] };

/** One pass of the job. Safe to run in several processes at once and as often as wanted. */
export async function runReferralReminders({ at = new Date(), mailer = getMailer() }: { at?: Date; mailer?: Mailer } = {}): Promise<ReminderRunResult> {
  const due = await dueReferrals(at);
  const reminded: ReminderRunResult["reminded"] = [];
  for (const { id, kind } of due) {
    const done = await db.$transaction(async (tx) => {
      const r = await claim(tx, id, kind, at);
      if (!r) return null;
      const days = Math.floor((at.getTime() - new Date(r.since).getTime()) / DAY_MS);
      const people = await recipientsOf(tx, r, kind);
      const orgs = await tx.organization.findMany({ where: { id: { in: [r.senderOrganizationId, r.recipientOrganizationId] } }, select: { id: true, name: true } });
      const name = (orgId: string) => orgs.find((o) => o.id === orgId)?.name ?? "";
      await tx.referralEvent.create({ data: { referralId: r.id, kind: "REMINDER", text: kind, organizationId: null, actorUserId: null, version: r.version, createdAt: at } });
      await recordAuditEvent({ action: "referral.reminder_sent", subjectType: "Referral", subjectId: r.id, coalitionId: r.coalitionId, organizationId: kind === "response" ? r.recipientOrganizationId : r.senderOrganizationId, metadata: { kind, days, emails: people.length } }, tx);
      return { r, kind, days, people, sender: name(r.senderOrganizationId), recipient: name(r.recipientOrganizationId) };
    });
    if (!done) continue;
    const link = `${getEnv().appOrigin}/referrals/${done.r.id}`;
    for (const person of done.people) {
      try {
        await mailer.send({ to: person.email, ...reminderEmail(done.kind, person.preferredLocale, { sender: done.sender, recipient: done.recipient, need: needLabel(done.r.sdohCodes), days: done.days, link }) });
      } catch (error) {
        console.error(`[referral-reminders] email for referral ${done.r.id} failed:`, error instanceof Error ? error.message : error);
      }
    }
    emitReferralChanged({ referralId: done.r.id, kind: "reminder", status: done.r.status, version: done.r.version, senderOrganizationId: done.r.senderOrganizationId, recipientOrganizationId: done.r.recipientOrganizationId, byOrganizationId: null, byOrganizationName: null });
    reminded.push({ referralId: done.r.id, kind: done.kind, emails: done.people.length });
  }
  return { reminded };
}

let timer: NodeJS.Timeout | null = null;
let firstRun: NodeJS.Timeout | null = null;
let pass: Promise<void> | null = null;

/** Runs the job every `intervalMs` (default 15 minutes), the first time a minute after start. */
export function startReferralReminders({ intervalMs = 15 * 60_000, firstAfterMs = 60_000 }: { intervalMs?: number; firstAfterMs?: number } = {}) {
  if (timer) return;
  const tick = async () => {
    if (pass) return;
    pass = (async () => {
      try {
        const { reminded } = await runReferralReminders();
        if (reminded.length) console.info(`[referral-reminders] ${reminded.length} reminder(s) sent`);
      } catch (error) {
        console.error("[referral-reminders] run failed:", error instanceof Error ? error.message : error);
      }
    })();
    await pass;
    pass = null;
  };
  timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  firstRun = setTimeout(() => void tick(), firstAfterMs);
  firstRun.unref();
}

/** Stops the timer and waits for a pass in flight (graceful shutdown: its claims commit first). */
export async function stopReferralReminders() {
  if (timer) clearInterval(timer);
  if (firstRun) clearTimeout(firstRun);
  timer = firstRun = null;
  await pass;
}

/** The convener changes the coalition's two reminder windows (audited). */
export async function updateReferralWindows({ actor, acceptDays, updateDays }: { actor: { userId: string; coalitionId: string; organizationId?: string | null; request?: RequestMeta }; acceptDays: number; updateDays: number }) {
  return db.$transaction(async (tx) => {
    const before = await tx.coalition.findUniqueOrThrow({ where: { id: actor.coalitionId }, select: { referralAcceptDays: true, referralUpdateDays: true } });
    const updated = await tx.coalition.update({ where: { id: actor.coalitionId }, data: { referralAcceptDays: acceptDays, referralUpdateDays: updateDays }, select: { referralAcceptDays: true, referralUpdateDays: true } });
    await recordAuditEvent({ action: "coalition.referral_windows_updated", subjectType: "Coalition", subjectId: actor.coalitionId, actorUserId: actor.userId, coalitionId: actor.coalitionId, organizationId: actor.organizationId ?? null, metadata: { before, after: updated }, request: actor.request }, tx);
    return updated;
  });
}
