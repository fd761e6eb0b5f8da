/** Factories for clients and authorizations (issue 4), through the real services. */
import { registerClient } from "~/modules/client/service.server";
import { recordAuthorization } from "~/modules/consent/service.server";
import type { RecordAuthorizationInput } from "~/modules/consent/schemas";
import { uniqueSuffix } from "./factories";

import { actorFor } from "./actors";
import type { Actor } from "~/modules/auth/actor";

export { actorFor };

export async function createClient(actor: Actor, input: Partial<{ name: string; birthDate: string; contact: string; address: string; notes: string; preferredLanguage: "en" | "es" | "other" }> = {}) {
  const result = await registerClient({
    actor,
    input: {
      name: input.name ?? `Client ${uniqueSuffix()}`,
      birthDate: input.birthDate ?? "1980-04-12",
      contact: input.contact,
      address: input.address,
      notes: input.notes,
      preferredLanguage: input.preferredLanguage ?? "en",
      confirmNotDuplicate: "yes",
    },
  });
  if (result.status !== "registered") throw new Error("expected a registered client");
  return result.clientId;
}

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
export { isoDay };

export function authorizationInput(overrides: Partial<RecordAuthorizationInput> & { recipientIds: string[] }): RecordAuthorizationInput {
  return {
    intent: "record",
    form: "GENERAL",
    categories: ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"],
    purpose: "To get help with food and rent",
    language: "en",
    effectiveDate: isoDay(0),
    expiresOn: isoDay(365),
    expirationEvent: undefined,
    ackRevoke: "on",
    ackConditioning: "on",
    ackRedisclosure: "on",
    ackPart2: undefined,
    signerKind: "CLIENT",
    signerName: "Signer Name",
    representativeAuthority: undefined,
    signatureMethod: "TYPED",
    signatureTyped: "Signer Name",
    signatureImage: undefined,
    ...overrides,
  };
}

export async function createAuthorization(actor: Actor, clientId: string, overrides: Partial<RecordAuthorizationInput> & { recipientIds: string[] }) {
  return recordAuthorization({ actor, clientId, input: authorizationInput(overrides) });
}
