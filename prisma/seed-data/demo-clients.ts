/**
 * Demo clients of the hospital (fictional people), with authorizations naming the food bank.
 * Idempotent: a client already registered (same name and date of birth, found by blind index) is
 * left alone, so the seed can run any number of times.
 */
import { db } from "~/utils/db.server";
import { findPossibleDuplicates, registerClient } from "~/modules/client/service.server";
import { recordAuthorization } from "~/modules/consent/service.server";
import type { RecordAuthorizationInput } from "~/modules/consent/schemas";
import { actorFor } from "../../tests/actors";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type DemoClient = {
  name: string; birthDate: string; contact: string; preferredLanguage: "en" | "es"; address?: string;
  authorization?: Partial<RecordAuthorizationInput>;
};

const demoClients: DemoClient[] = [
  {
    name: "María Elena Ortiz", birthDate: "1971-03-14", contact: "719-555-0142", preferredLanguage: "es", address: "Bessemer, Pueblo",
    authorization: { language: "es", categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"], purpose: "Recibir ayuda con alimentos del banco de alimentos", signerName: "María Elena Ortiz", signatureTyped: "María Elena Ortiz" },
  },
  {
    name: "Robert Kline", birthDate: "1948-11-02", contact: "719-555-0177", preferredLanguage: "en",
    authorization: { categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS", "CARE_PLAN"], purpose: "Home-delivered groceries after discharge", signerKind: "REPRESENTATIVE", signerName: "Janet Kline", representativeAuthority: "Health care power of attorney (daughter)", signatureTyped: "Janet Kline" },
  },
  { name: "Dominic Trujillo", birthDate: "1992-07-29", contact: "dominic.t@example.org", preferredLanguage: "en" },
];

export async function seedDemoClients({ hospitalId, foodBankId }: { hospitalId: string; foodBankId: string }) {
  const careManager = await db.user.findUnique({ where: { email: "care.manager@hospital.demo.test" }, select: { id: true } });
  if (!careManager) return;
  const actor = actorFor(careManager.id, hospitalId, { request: { userAgent: "seed" } });
  for (const c of demoClients) {
    if ((await findPossibleDuplicates({ organizationId: hospitalId, name: c.name, birthDate: c.birthDate })).length) continue;
    const result = await registerClient({ actor, input: { name: c.name, birthDate: c.birthDate, contact: c.contact, address: c.address, preferredLanguage: c.preferredLanguage, confirmNotDuplicate: "yes" } });
    if (result.status !== "registered" || !c.authorization) continue;
    await recordAuthorization({
      actor,
      clientId: result.clientId,
      input: {
        intent: "record", form: "GENERAL", categories: ["SOCIAL_NEEDS"], recipientIds: [foodBankId], purpose: "Food assistance", language: "en",
        effectiveDate: day(-14), expiresOn: day(351), expirationEvent: undefined, ackRevoke: "on", ackConditioning: "on", ackRedisclosure: "on", ackPart2: undefined,
        signerKind: "CLIENT", signerName: c.name, representativeAuthority: undefined, signatureMethod: "TYPED", signatureTyped: c.name, signatureImage: undefined,
        ...c.authorization,
      },
    });
  }
}
