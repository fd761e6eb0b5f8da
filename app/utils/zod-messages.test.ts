/** zod issues read as sentences in the reader's language; the schema's own words are kept (ADR 071). */
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { i18nConfig } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { translatable, translateMessage } from "./translatable";
import { humanFieldErrors } from "./zod-messages";

async function translator(lng: "en" | "es") {
  const i18n = i18next.createInstance();
  await i18n.init({ ...i18nConfig, resources, lng });
  return (key: string, options?: Record<string, unknown>) => i18n.t(key, options as never) as unknown as string;
}

const Schema = z.object({
  title: z.string().trim().min(3, "Give the win a title").max(120),
  code: z.string().max(1),
  count: z.coerce.number().int().min(0).max(10),
  kind: z.enum(["A", "B"]),
  email: z.string().email(),
  ids: z.array(z.string().uuid()).min(1),
  when: z.string().refine(() => false, translatable("conference.schedule.startInPast", { minutes: 5 })),
});

describe("humanFieldErrors", () => {
  it("replaces zod's developer wording and keeps the schema's own words (en)", async () => {
    const t = await translator("en");
    const bad = Schema.safeParse({ title: "x".repeat(121), code: "ab", count: "11", kind: "C", email: "nope", ids: [], when: "" });
    const { fieldErrors } = humanFieldErrors(bad.error!.issues, t);
    expect(fieldErrors).toEqual({
      title: ["Use at most 120 characters."],
      code: ["Use at most 1 character."],
      count: ["Enter a number no greater than 10."],
      kind: ["Choose one of the options offered."],
      email: ["Enter an email address, such as name@example.org."],
      ids: ["Choose at least one."],
      when: [t("conference.schedule.startInPast", { minutes: 5 })],
    });
    const short = Schema.safeParse({ title: "x", code: "a", count: "1", kind: "A", email: "a@b.org", ids: ["00000000-0000-4000-8000-000000000000"] });
    expect(humanFieldErrors(short.error!.issues, t).fieldErrors).toEqual({ title: ["Give the win a title"], when: ["Fill in this field."] });
  });

  it("speaks Spanish to a Spanish reader", async () => {
    const t = await translator("es");
    const bad = Schema.safeParse({ title: "x".repeat(121), code: "ab", count: "-1", kind: "A", email: "a@b.org", ids: ["x"], when: "" });
    expect(humanFieldErrors(bad.error!.issues, t).fieldErrors).toMatchObject({
      title: ["Use como máximo 120 caracteres."],
      code: ["Use como máximo 1 carácter."],
      count: ["Escriba un número no menor que 0."],
      ids: ["Elija una de las opciones ofrecidas."],
    });
  });
});

describe("translateMessage", () => {
  it("translates nested values and lists, and leaves plain words alone", async () => {
    const t = await translator("es");
    const message = translatable("consent.refusal.referralSummary", { categories: [translatable("consent.categories.HIV_STI"), translatable("consent.categories.CARE_PLAN")] });
    expect(translateMessage(message, t)).toContain("VIH e infecciones de transmisión sexual, Plan de atención y metas.");
    expect(translateMessage("Choose a client", t)).toBe("Choose a client");
  });
});
