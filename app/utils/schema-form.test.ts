/** The browser parses a form with the server's schema and says the same sentences (ADR 077). */
import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { i18nConfig } from "~/i18n/config";
import { resources } from "~/i18n/resources";
import { RecordAuthorizationSchema, RevokeAuthorizationSchema } from "~/modules/consent/schemas";
import { UpdateCoalitionSchema } from "~/modules/coalition/schemas";
import { DismissFindingSchema, ScheduleConferenceSchema, ShareVignetteSchema, VignetteSchema } from "~/modules/conference/schemas";
import { AnnotationSchema, CreateMeasureSchema, createAimSchema, enterValueSchema, RebaselineSchema } from "~/modules/aims/schemas";
import { RegisterClientSchema } from "~/modules/client/schemas";
import { CommentReferralSchema, registerWebhookSchema, SendReferralSchema, TransitionReferralSchema } from "~/modules/referral/schemas";
import { webhookActionSchema } from "~/modules/referral/webhook-url.server";
import { InformalAssetSchema } from "~/modules/directory/schemas";
import { AddAgreementSchema, AddDecisionSchema, AddNextStepSchema } from "~/modules/partnership/schemas";
import { validateForm } from "./forms.server";
import { manyOf } from "./form-fields";
import { formConstraint, parseInBrowser, toSubmissionResult } from "./schema-form";
import { humanFieldErrors } from "./zod-messages";

async function translator(lng: "en" | "es") {
  const i18n = i18next.createInstance();
  await i18n.init({ ...i18nConfig, resources, lng });
  return (key: string, options?: Record<string, unknown>) => i18n.t(key, options as never) as unknown as string;
}

function form(entries: [string, string][]) {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

/** The server's answer for this form (English outside a request) against the browser's. */
async function bothSides(schema: z.ZodTypeAny, formData: FormData) {
  const server = validateForm(formData, schema);
  const browser = parseInBrowser(formData, schema, await translator("en"));
  return { server, browser };
}

const cases: [string, z.ZodTypeAny, [string, string][]][] = [
  ["send referral, empty", SendReferralSchema, [["intent", "send"], ["note", ""]]],
  [
    "send referral, bad choices and a long note",
    SendReferralSchema,
    [["intent", "send"], ["clientId", "nope"], ["recipientOrganizationId", "8f0c2d1e-0000-4000-8000-000000000000"], ["sdohCodes", "NOT_A_CODE"], ["categories", "CONTACT"], ["categories", "WHAT"], ["note", "x".repeat(2001)], ["idempotencyKey", "x"]],
  ],
  ["decline without a reason", TransitionReferralSchema, [["intent", "transition"], ["to", "REJECTED"], ["version", "1"], ["reason", ""], ["reasonText", ""]]],
  ["complete as other without words", TransitionReferralSchema, [["intent", "transition"], ["to", "COMPLETED"], ["version", "2"], ["outcome", "OTHER"], ["outcomeText", ""]]],
  ["blank comment", CommentReferralSchema, [["intent", "comment"], ["body", "   "]]],
  ["authorization, nearly empty (rules across fields too)", RecordAuthorizationSchema, [["intent", "record"], ["form", "PART2"], ["categories", "CONTACT"], ["signerKind", "REPRESENTATIVE"], ["signatureMethod", "TYPED"], ["purpose", "x"]]],
  ["conference without a title, a time or partners", ScheduleConferenceSchema, [["intent", "schedule"], ["title", ""], ["startsAt", "tomorrow"], ["agenda", ""], ["audience", "organizations"]]],
  ["revocation received in the future", RevokeAuthorizationSchema, [["intent", "revoke"], ["authorizationId", "8f0c2d1e-0000-4000-8000-000000000000"], ["receivedVia", "FAX"], ["receivedOn", "2099-01-01"]]],
  ["new measure, nearly empty", CreateMeasureSchema, [["intent", "create-measure"], ["name", "x"], ["description", "d".repeat(1001)], ["type", ""], ["unit", ""], ["direction", ""], ["frequency", "MONTHLY"], ["source", "ENTERED"], ["aggregation", "SUM"], ["baselinePoints", "61"]]],
  ["computed measure without what is computed", CreateMeasureSchema, [["intent", "create-measure"], ["name", "Food visits"], ["description", ""], ["type", "PROCESS"], ["unit", "visits"], ["direction", "HIGHER_IS_BETTER"], ["frequency", "MONTHLY"], ["source", "COMPUTED"], ["computedKey", ""], ["baselinePoints", "12"]]],
  ["new aim, numbers in the wrong language and no dates", createAimSchema("en"), [["intent", "create-aim"], ["statement", "short"], ["population", ""], ["measureId", ""], ["baselineValue", "12,5"], ["baselineDate", ""], ["targetValue", ""], ["targetDate", "2026-13-01"]]],
  ["a value out of its unit's bounds", enterValueSchema({ unit: "households", locale: "en" }), [["intent", "enter-value"], ["period", "2026-01-01"], ["value", "-3.5"]]],
  ["a percentage without a period", enterValueSchema({ unit: "%", locale: "es" }), [["intent", "enter-value"], ["period", ""], ["value", "101"]]],
  ["annotation without words", AnnotationSchema, [["intent", "annotate"], ["period", "2026-01-01"], ["kind", "WHAT"], ["label", "x"]]],
  ["rebaseline on too many points", RebaselineSchema, [["intent", "rebaseline"], ["baselinePoints", "61"]]],
  ["vignette without a title, too long a situation, an unknown need", VignetteSchema, [["intent", "save-vignette"], ["vignetteId", ""], ["title", "ab"], ["situation", "s".repeat(4001)], ["strengths", ""], ["needs", ""], ["tried", ""], ["question", ""], ["sdohCategories", "NOT_A_CATEGORY"]]],
  ["vignette shared without the author's own read", ShareVignetteSchema, [["intent", "share"], ["vignetteId", "8f0c2d1e-0000-4000-8000-000000000000"]]],
  ["finding dismissed without a reason", DismissFindingSchema, [["intent", "dismiss"], ["vignetteId", "8f0c2d1e-0000-4000-8000-000000000000"], ["field", "situation"], ["type", "PHONE"], ["text", "555-0100"], ["reason", " x "]]],
  ["informal asset without a point, a need or a reason to vouch", InformalAssetSchema, [["intent", "add-informal"], ["kind", "PLACE"], ["name", "x"], ["description", ""], ["latitude", ""], ["longitude", "east"], ["address", ""], ["vouchNote", ""], ["visibility", "COALITION"], ["opensAt", "9am"], ["closesAt", ""]]],
  ["informal asset off the globe, with an unknown need and language", InformalAssetSchema, [["intent", "add-informal"], ["kind", "SHOP"], ["name", "Corner pantry"], ["latitude", "91"], ["longitude", "-181"], ["sdohCodes", "NOT_A_CODE"], ["languages", "xx"], ["vouchNote", "We know them"]]],
  ["agreement renewing before it was signed, without a partner", AddAgreementSchema, [["intent", "add-agreement"], ["organizationId", ""], ["kind", "MOU"], ["signedOn", "2026-05-01"], ["renewsOn", "2026-01-01"], ["notes", "n".repeat(501)]]],
  ["next step without words, owner or due date", AddNextStepSchema, [["intent", "add-next-step"], ["what", "x"], ["ownerName", ""], ["ownerOrganizationId", ""], ["dueDate", ""], ["aboutOrganizationId", ""]]],
  ["decision without the decision or who was present", AddDecisionSchema, [["intent", "add-decision"], ["decision", "ok"], ["method", ""], ["decidedOn", "2026-02-30"], ["present", ""]]],
  ["web hook without a URL or a description", registerWebhookSchema({ production: true }), [["intent", "register"], ["url", ""], ["description", "x"]]],
  ["web hook with credentials in the URL", registerWebhookSchema({ production: false }), [["intent", "register"], ["url", "https://me:pw@hooks.example.org/"], ["description", "Case system"]]],
  ["web hook over plain http in production", registerWebhookSchema({ production: true }), [["intent", "register"], ["url", "http://localhost:4000/hook"], ["description", "Case system"]]],
];

describe("parseInBrowser", () => {
  it.each(cases)("%s: the browser finds the server's field errors, word for word", async (_name, schema, entries) => {
    const { server, browser } = await bothSides(schema, form(entries));
    expect(server.success).toBe(false);
    expect(browser.status).toBe("error");
    const fieldErrors = Object.fromEntries(Object.entries(server.success ? {} : (server.errors.fieldErrors ?? {})).filter(([, m]) => m?.length));
    const { "": formErrors, ...browserFields } = (browser.status === "error" ? browser.error : null) ?? {};
    expect(browserFields).toEqual(fieldErrors);
    expect(formErrors).toBeUndefined();
  });

  it("accepts what the server accepts, with the same values", async () => {
    const entries: [string, string][] = [["intent", "comment"], ["body", "  Called the client back  "]];
    const { server, browser } = await bothSides(CommentReferralSchema, form(entries));
    expect(server.success && server.data).toEqual({ intent: "comment", body: "Called the client back" });
    expect(browser.status).toBe("success");
    expect(browser.status === "success" && browser.value).toEqual({ intent: "comment", body: "Called the client back" });
  });

  it("groups an item's error under its field, as the server does, and speaks Spanish", async () => {
    const schema = z.object({ kinds: manyOf(z.enum(["A", "B"])).pipe(z.array(z.string()).min(1)) });
    const formData = form([["kinds", "A"], ["kinds", "C"]]);
    const es = await translator("es");
    const browser = parseInBrowser(formData, schema, es);
    const issues = schema.safeParse({ kinds: ["A", "C"] }).error!.issues;
    const error = browser.status === "error" ? browser.error : null;
    expect(error).toEqual({ kinds: humanFieldErrors(issues, es).fieldErrors.kinds });
    expect(error?.kinds?.[0]).toBe(es("errors.form.choice"));
  });
});

describe("a rule only the server can check", () => {
  it("web hooks: the browser checks the URL as the server does, and leaves a private address to the server's answer on the same field", async () => {
    const en = await translator("en");
    const register = (url: string) => form([["intent", "register"], ["url", url], ["description", "Case system"]]);
    // What the browser can check, the server's action schema says in the same words.
    for (const url of ["not a url", "https://hooks.example.org/#x", "ftp://hooks.example.org/", "https://intranet/x"]) {
      const browser = parseInBrowser(register(url), registerWebhookSchema({ production: true }), en);
      const server = validateForm(register(url), webhookActionSchema(true));
      expect(browser.status === "error" && browser.error).toEqual({ url: server.success ? [] : server.errors.fieldErrors?.url });
    }
    // A private address needs node:net: the browser lets it through, the server refuses it on the url field.
    expect(parseInBrowser(register("https://10.1.2.3/hook"), registerWebhookSchema({ production: true }), en).status).toBe("success");
    const server = validateForm(register("https://10.1.2.3/hook"), webhookActionSchema(true));
    expect(server.success ? null : server.errors.fieldErrors?.url).toEqual([en("errors.fields.webhookUrlPublic")]);
    // Outside production, plain http to this machine is fine on both sides.
    expect(parseInBrowser(register("http://127.0.0.1:4000/hook"), registerWebhookSchema({ production: false }), en).status).toBe("success");
    expect(validateForm(register("http://127.0.0.1:4000/hook"), webhookActionSchema(false)).success).toBe(true);
  });
});

describe("toSubmissionResult", () => {
  it("shows the action's form message and field messages, and keeps what was typed", () => {
    expect(toSubmissionResult({ formError: "Fix the fields", fieldErrors: { title: ["Too long"], story: undefined } })).toEqual({ status: "error", error: { "": ["Fix the fields"], title: ["Too long"] } });
    expect(toSubmissionResult({ ok: true })).toEqual({ status: "success", error: {} });
    expect(toSubmissionResult(undefined)).toBeUndefined();
  });
});

describe("formConstraint", () => {
  it("reads the limits from the schema, and requires only what the server would refuse blank", () => {
    const coalition = formConstraint(UpdateCoalitionSchema);
    expect(coalition.name).toMatchObject({ required: true, minLength: 3, maxLength: 120 });
    expect(coalition.visionStatement).toMatchObject({ required: false, maxLength: 2000 });
    const client = formConstraint(RegisterClientSchema);
    expect(client.notes).toMatchObject({ required: false, maxLength: 4000 });
    expect(client.preferredLanguage?.required).toBe(true);
    expect(formConstraint(RecordAuthorizationSchema)).toEqual({});
    expect(formConstraint(CommentReferralSchema).body?.maxLength).toBe(2000);
    // The limits once typed into the aims pages as numbers (min={1} max={60}) now come from the schema.
    const measure = formConstraint(CreateMeasureSchema);
    expect(measure.baselinePoints).toMatchObject({ min: 1, max: 60 });
    expect(measure.name).toMatchObject({ required: true, maxLength: 140 });
    expect(measure.description).toMatchObject({ required: false, maxLength: 1000 });
    expect(measure.computedKey?.required).toBe(false);
    expect(formConstraint(RebaselineSchema).baselinePoints).toMatchObject({ required: true, min: 1, max: 60 });
    expect(formConstraint(enterValueSchema({ unit: "households", locale: "en" })).value?.required).toBe(true);
    expect(formConstraint(createAimSchema("es")).targetDate?.required).toBe(true);
    // A blank coordinate is refused (it was read as 0), so the boxes are required without JavaScript too.
    const informal = formConstraint(InformalAssetSchema);
    expect(informal.latitude?.required).toBe(true);
    expect(informal.longitude?.required).toBe(true);
    expect(informal.vouchNote).toMatchObject({ required: true, maxLength: 500 });
    expect(informal.address).toMatchObject({ required: false, maxLength: 200 });
    const vignette = formConstraint(VignetteSchema);
    expect(vignette.title).toMatchObject({ required: true, minLength: 3, maxLength: 160 });
    expect(vignette.situation).toMatchObject({ required: false, maxLength: 4000 });
    expect(formConstraint(ShareVignetteSchema).reviewed?.required).toBe(true);
    expect(formConstraint(DismissFindingSchema).reason).toMatchObject({ required: true, maxLength: 500 });
  });
});
