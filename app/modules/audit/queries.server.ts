/** Reads of the audit trail for an organization's directors (narrow, paginated by sequence). */
import { z } from "zod";
import { db, Prisma } from "~/utils/db.server";
import { boundedDate, safeText, uuid } from "~/utils/form-fields";

const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const AuditFilterSchema = z.object({
  action: optional(safeText(80)),
  actor: optional(uuid()),
  subject: optional(safeText(80).transform((v) => v.trim())),
  from: optional(boundedDate("from must be a date between 1900 and 2100 (YYYY-MM-DD)")),
  to: optional(boundedDate("to must be a date between 1900 and 2100 (YYYY-MM-DD)")),
  /** A sequence number (bigint): at most 18 digits, so always inside int8. */
  before: optional(z.string().regex(/^\d{1,18}$/, "before must be an event number")),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

/** Events recorded for the organization (its own people's actions and every request for its clients). */
export async function listAuditEvents({ organizationId, filter }: { organizationId: string; filter: AuditFilter }) {
  const where: Prisma.AuditEventWhereInput = {
    organizationId,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.actor ? { actorUserId: filter.actor } : {}),
    ...(filter.subject ? { subjectId: filter.subject } : {}),
    ...(filter.from || filter.to
      ? { occurredAt: { ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}), ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
    ...(filter.before ? { seq: { lt: BigInt(filter.before) } } : {}),
  };
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: { seq: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: { seq: true, id: true, occurredAt: true, actorUserId: true, action: true, subjectType: true, subjectId: true, ipAddress: true, metadata: true },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const users = await db.user.findMany({ where: { id: { in: [...new Set(page.map((r) => r.actorUserId).filter((v): v is string => !!v))] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  return {
    events: page.map((r) => ({ ...r, seq: r.seq.toString(), actorName: r.actorUserId ? names.get(r.actorUserId) ?? null : null })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1].seq.toString() : null,
  };
}

/** The choices of the filter form: actions seen and people who acted, for this organization. */
export async function auditFilterOptions(organizationId: string) {
  const [actions, actors] = await Promise.all([
    db.auditEvent.findMany({ where: { organizationId }, distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.auditEvent.findMany({ where: { organizationId, actorUserId: { not: null } }, distinct: ["actorUserId"], select: { actorUserId: true } }),
  ]);
  const people = await db.user.findMany({ where: { id: { in: actors.map((a) => a.actorUserId!) } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return { actions: actions.map((a) => a.action), people };
}
