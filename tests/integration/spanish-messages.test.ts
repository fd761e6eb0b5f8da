/**
 * Issue #14 defect 2 at the server: a form's messages reach the person in the request's language,
 * the schema's own words ("Choose a client", "Enter the date of birth") included, and every schema
 * of every module says nothing in English to a Spanish reader. Posted through `withHttpErrors`,
 * as the server does.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { withHttpErrors } from "~/utils/http-errors.server";
import { translatorForLocale } from "~/i18n/translators";
import { humanIssueMessage } from "~/utils/zod-messages";
import * as clientsNewModule from "~/routes/_app.clients.new";
import * as newReferralModule from "~/routes/_app.referrals.new";
import { createTwoOrganizationWorld } from "../factories";
import { settle, signedInRequester } from "../helpers";

const act = (route: { action?: (a: never) => unknown }, request: Request) => settle(async () => route.action!({ request, params: {}, context: {} } as never));
const errorsOf = (body: unknown) => body as { formError?: string; fieldErrors?: Record<string, string[]> };

describe("server validation messages in the request's language", () => {
  it("registering a client with nothing filled in answers in Spanish", async () => {
    const w = await createTwoOrganizationWorld();
    const careManager = await signedInRequester(w.directorA.email);
    const result = await act(withHttpErrors(clientsNewModule), careManager.post("/clients/new?lng=es", { intent: "register", name: "", birthDate: "" }));
    expect(result.status).toBe(400);
    const { formError, fieldErrors } = errorsOf(result.body);
    expect(formError).toBe("Corrija los campos resaltados.");
    expect(fieldErrors?.birthDate?.[0]).toBe("Escriba la fecha de nacimiento");
    expect(fieldErrors?.name).toEqual(["Escriba el nombre completo del cliente"]);
    expect(fieldErrors?.preferredLanguage).toEqual(["Elija un idioma preferido"]);
  });

  it("a referral without a client says 'Elija un cliente' in Spanish and 'Choose a client' in English", async () => {
    const w = await createTwoOrganizationWorld();
    const director = await signedInRequester(w.directorA.email);
    for (const [lng, message] of [["es", "Elija un cliente"], ["en", "Choose a client"]] as const) {
      const result = await act(withHttpErrors(newReferralModule), director.post(`/referrals/new?lng=${lng}`, { intent: "send", clientId: "", idempotencyKey: crypto.randomUUID() }));
      expect(result.status, lng).toBe(400);
      expect(errorsOf(result.body).fieldErrors?.clientId, lng).toEqual([message]);
    }
  });
});

/** Every exported schema of every module, parsed from nothing and from junk: no issue reads the same in Spanish as in English. */
describe("no schema speaks English to a Spanish reader", () => {
  const modules = import.meta.glob<Record<string, unknown>>(["/app/modules/*/schemas.ts", "/app/modules/*/flow-schemas.ts"], { eager: true });
  const en = translatorForLocale("en");
  const es = translatorForLocale("es");
  const junk = { intent: 5, name: "x", title: "x", email: "x", date: "x", period: "x", value: "x", clientId: "x", measureId: "x", id: "x", days: "x", birthDate: "3000-01-01", reviewed: "no", method: "x", signatureMethod: "TYPED", signerKind: "REPRESENTATIVE", form: "PART2", expiresOn: "2000-01-01", effectiveDate: "2020-01-01" };

  it("checks every schema", () => {
    const untranslated: string[] = [];
    let schemas = 0;
    for (const [file, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        if (!(value instanceof z.ZodType)) continue;
        schemas++;
        for (const input of [{}, junk]) {
          const result = value.safeParse(input);
          if (result.success) continue;
          for (const issue of result.error.issues) {
            const english = humanIssueMessage(issue, en);
            const spanish = humanIssueMessage(issue, es);
            if (english === spanish || /\bi18n:/.test(spanish)) untranslated.push(`${file} ${name} ${issue.path.join(".")}: ${english}`);
          }
        }
      }
    }
    expect(schemas).toBeGreaterThan(30);
    expect([...new Set(untranslated)]).toEqual([]);
  });
});
