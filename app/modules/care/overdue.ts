/**
 * The overdue-contact rule (issue #15, ADR 097), in one place for the plan page, the caseload and
 * the supervision view (the SQL of caseload.server.ts and supervision.server.ts says the same, and
 * contacts.test.ts checks the two agree). A client is due for contact `cadence[level]` days after
 * the last contact — or after enrollment when there is none (a contact of an earlier enrollment
 * does not count) — and overdue from the day after. Browser-safe.
 */
import type { CareLevel, ContactCadence } from "./contact-schemas";
import { addDays } from "./dates";

export function contactDueOn({ level, cadence, enrolledOn, lastContactOn }: { level: CareLevel; cadence: ContactCadence; enrolledOn: Date; lastContactOn: Date | null }): Date {
  const since = lastContactOn && lastContactOn > enrolledOn ? lastContactOn : enrolledOn;
  return addDays(since, cadence[level]);
}

export function isContactOverdue(args: { level: CareLevel; cadence: ContactCadence; enrolledOn: Date; lastContactOn: Date | null; today: Date }): boolean {
  return args.today > contactDueOn(args);
}
