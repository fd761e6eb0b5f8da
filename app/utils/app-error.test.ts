import { describe, expect, it } from "vitest";
import { translatorForLocale } from "~/i18n/translators";
import services from "~/i18n/locales/services.en";
import { forbidden, notFound, recordNotFound, signInRequired, type MissingRecord } from "./app-error";
import { toHttpError } from "./http-errors.server";

const en = translatorForLocale("en");
const es = translatorForLocale("es");

/** #14 defect 2: a 404 or 403 a service throws reaches a Spanish page in Spanish, through the one mapper. */
describe("refusals made without a reader are worded in the reader's language", () => {
  it("every kind of missing record has its sentence in both languages", () => {
    const kinds = Object.keys(services.notFound).filter((k) => k !== "default") as MissingRecord[];
    expect(kinds.length).toBeGreaterThan(15);
    for (const kind of kinds) {
      const english = toHttpError(recordNotFound(kind), en);
      const spanish = toHttpError(recordNotFound(kind), es);
      expect(english?.status, kind).toBe(404);
      expect(spanish?.status, kind).toBe(404);
      expect(spanish?.message, kind).not.toBe(english?.message);
      expect(`${english?.message} ${spanish?.message}`, kind).not.toMatch(/i18n:|errors\.services/);
    }
    expect(toHttpError(recordNotFound("referral"), en)?.message).toBe("Referral not found");
    expect(toHttpError(recordNotFound("referral"), es)?.message).toBe("No se encontró la derivación");
  });

  it("the defaults of notFound, forbidden and sign-in are translated too", () => {
    expect(toHttpError(notFound(), es)).toMatchObject({ status: 404, message: "No se encontró" });
    expect(toHttpError(forbidden(), es)).toMatchObject({ status: 403, message: "No tiene permiso para hacer eso" });
    expect(toHttpError(forbidden(), en)).toMatchObject({ status: 403, message: "You do not have permission to do that" });
    expect(toHttpError(signInRequired({ redirectTo: "/login" }), es)).toMatchObject({ status: 401, message: "Inicie sesión para continuar." });
  });

  it("a message that is already words passes through unchanged (partner-facing English stays English)", () => {
    expect(toHttpError(notFound("Taxonomy not found"), es)?.message).toBe("Taxonomy not found");
  });
});
