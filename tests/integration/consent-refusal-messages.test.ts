/**
 * Issue #14 defect 7: a referral the client's authorization does not cover said
 * "contact details and demographics: no-authorization". The person reads one sentence per
 * category, saying why in words, in their language; the decision's codes never reach the page.
 */
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { withHttpErrors } from "~/utils/http-errors.server";
import { translateMessage } from "~/utils/translatable";
import { i18nConfig } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import * as newReferralModule from "~/routes/_app.referrals.new";
import { CONSENT_CATEGORIES } from "~/modules/consent/categories";
import type { RefusalReason } from "~/modules/consent/decision.server";
import { refusalMessage } from "~/modules/consent/messages";
import { createReferralWorld } from "../referral-factories";
import { settle, signedInRequester } from "../helpers";

const newReferral = withHttpErrors(newReferralModule);
const REASONS: RefusalReason[] = ["unknown-client", "no-authorization", "revoked", "expired", "not-yet-effective", "part2-needs-part2-form"];
/** The decision's codes, a category enum, an untranslated key or an encoded translatable. */
const CODES = /unknown-client|no-authorization|not-yet-effective|part2-needs|\b[A-Z]+_[A-Z_0-9]+\b|consent\.|i18n:/;
type Body = { formError?: string; fieldErrors?: Record<string, string[]> };

function send(cookie: string, lng: string, recipientOrganizationId: string, clientId: string, categories: string[]) {
  const fields: [string, string][] = [
    ["intent", "send"], ["clientId", clientId], ["recipientOrganizationId", recipientOrganizationId], ["sdohCodes", "food-insecurity"], ["priority", "ROUTINE"],
    ...categories.map((c): [string, string] => ["categories", c]), ["note", ""], ["idempotencyKey", crypto.randomUUID()],
  ];
  const request = new Request(`http://localhost/referrals/new?lng=${lng}`, { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields) });
  return settle(async () => newReferral.action!({ request, params: {}, context: {} } as never));
}

describe("a refused referral says why in words", () => {
  it("no authorization for the recipient: one sentence per category, in English and in Spanish, no codes", async () => {
    const world = await createReferralWorld();
    const as = await signedInRequester(world.careManagerA.email);
    const en = await send(as.cookie, "en", world.orgC.id, world.clientId, ["CONTACT_DEMOGRAPHICS", "SOCIAL_NEEDS"]);
    expect(en.status).toBe(409);
    const enBody = en.body as Body;
    expect(enBody.fieldErrors?.categories).toEqual([
      "No authorization of this client lets the receiving organization see “Contact information and demographics”. Record one with the client first, or leave it out.",
      "No authorization of this client lets the receiving organization see “Social needs (food, housing, transportation…)”. Record one with the client first, or leave it out.",
    ]);
    expect(enBody.formError).toContain("Contact information and demographics, Social needs");
    expect(JSON.stringify(enBody)).not.toMatch(CODES);

    const es = await send(as.cookie, "es", world.orgC.id, world.clientId, ["CONTACT_DEMOGRAPHICS"]);
    const esBody = es.body as Body;
    expect(esBody.fieldErrors?.categories).toEqual(["Ninguna autorización de este cliente permite que la organización receptora vea «Datos de contacto y demográficos». Registre primero una con el cliente o no la incluya."]);
    expect(esBody.formError).toMatch(/^Ninguna autorización vigente permite que esta organización reciba: Datos de contacto y demográficos\./);
    expect(JSON.stringify(esBody)).not.toMatch(CODES);
    expect(await db.referral.count({ where: { senderOrganizationId: world.orgA.id } })).toBe(0);
  });

  it("a revoked authorization says it was revoked", async () => {
    const world = await createReferralWorld();
    await db.consentAuthorization.update({ where: { id: world.authorizationId }, data: { revokedAt: new Date(Date.now() - 60_000) } });
    const as = await signedInRequester(world.careManagerA.email);
    const es = await send(as.cookie, "es", world.orgB.id, world.clientId, ["SOCIAL_NEEDS"]);
    expect(es.status).toBe(409);
    expect((es.body as Body).fieldErrors?.categories).toEqual(["El cliente revocó la autorización que permitía a la organización receptora ver «Necesidades sociales (comida, vivienda, transporte…)»."]);
  });

  it.each(["en", "es"])("every refusal reason has a sentence naming the category (%s)", async (lng) => {
    const i18n = i18next.createInstance();
    await i18n.init({ ...i18nConfig, resources, lng });
    const t = (key: string, options?: Record<string, unknown>) => i18n.t(key, options as never) as unknown as string;
    for (const reason of REASONS) {
      for (const category of CONSENT_CATEGORIES) {
        const sentence = translateMessage(refusalMessage({ category, reason }), t);
        expect(sentence, `${reason} ${category}`).toContain(t(`consent.categories.${category}`));
        expect(sentence, `${reason} ${category}`).not.toMatch(CODES);
        expect(sentence, `${reason} ${category}`).toMatch(/[.»”]$/);
      }
    }
  });
});
