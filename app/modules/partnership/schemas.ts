import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { boundedDate, DATE_MAX, DATE_MIN } from "~/utils/form-fields";

export const RELATIONSHIP_STAGES = ["IDENTIFIED", "CONTACTED", "FIRST_MEETING", "EARLY_COLLABORATION", "FORMAL_AGREEMENT", "COALITION_MEMBER"] as const;
export const AGREEMENT_KINDS = ["DATA_SHARING", "BAA", "MOU", "OTHER"] as const;
export const SUPPORT_LEVELS = ["STRONG_OPPOSITION", "OPPOSITION", "NEUTRAL", "SUPPORT", "STRONG_SUPPORT"] as const;
export const INFLUENCE_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const;
export const DECISION_METHODS = ["CONSENSUS", "VOTE", "TIE_BREAKER", "COMMITTEE"] as const;


/** A real calendar day in the hub's calendar (1900-2100), as a UTC Date. */
const day = (message: string) => boundedDate(translatable("errors.fields.dateBetween", { what: message, from: DATE_MIN.slice(0, 4), to: DATE_MAX.slice(0, 4) })).transform((s) => new Date(`${s}T00:00:00Z`));

/** "" (an empty date input) is no date. */
const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), day(translatable("errors.fields.enterADate")).optional());

export const SetStageSchema = z.object({
  intent: z.literal("set-stage"),
  organizationId: z.string().uuid(),
  stage: z.enum(RELATIONSHIP_STAGES, { errorMap: () => ({ message: translatable("errors.fields.chooseAStage") }) }),
});

export const AddAgreementSchema = z
  .object({
    intent: z.literal("add-agreement"),
    organizationId: z.string().uuid(translatable("errors.fields.chooseThePartner")),
    kind: z.enum(AGREEMENT_KINDS, { errorMap: () => ({ message: translatable("errors.fields.chooseTheKindOfAgreement") }) }),
    signedOn: optionalDate,
    renewsOn: optionalDate,
    notes: z.string().trim().max(500).default(""),
  })
  .refine((a) => !a.signedOn || !a.renewsOn || a.renewsOn > a.signedOn, { path: ["renewsOn"], message: translatable("errors.fields.renewalMustComeAfterSigning") });

/** Rows arrive as parallel lists: group[i], support[i], influence[i], actionSteps[i]. */
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));
export const StakeholderAnalysisSchema = z
  .object({
    intent: z.literal("add-analysis"),
    heldOn: day(translatable("errors.fields.enterTheDateOfTheAnalysis")),
    group: list,
    support: list,
    influence: list,
    actionSteps: list,
  })
  .transform((v, ctx) => {
    const rows = v.group
      .map((group, i) => ({ group: group.trim(), support: v.support[i], influence: v.influence[i], actionSteps: (v.actionSteps[i] ?? "").trim() }))
      .filter((r) => r.group);
    if (rows.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["group"], message: translatable("errors.fields.addAtLeastOneStakeholderGroup") });
      return z.NEVER;
    }
    for (const r of rows) {
      if (!(SUPPORT_LEVELS as readonly string[]).includes(r.support ?? "") || !(INFLUENCE_LEVELS as readonly string[]).includes(r.influence ?? "")) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["group"], message: translatable("errors.fields.chooseSupportAndInfluence", { group: r.group }) });
        return z.NEVER;
      }
    }
    return {
      heldOn: v.heldOn,
      rows: rows as { group: string; support: (typeof SUPPORT_LEVELS)[number]; influence: (typeof INFLUENCE_LEVELS)[number]; actionSteps: string }[],
    };
  });

export const AddDecisionSchema = z.object({
  intent: z.literal("add-decision"),
  decision: z.string().trim().min(5, translatable("errors.fields.writeTheDecision")).max(1000),
  method: z.enum(DECISION_METHODS, { errorMap: () => ({ message: translatable("errors.fields.chooseHowItWasDecided") }) }),
  decidedOn: day(translatable("errors.fields.enterTheDate")),
  present: z.string().trim().min(2, translatable("errors.fields.sayWhoWasPresent")).max(1000),
});

export const AddNextStepSchema = z.object({
  intent: z.literal("add-next-step"),
  what: z.string().trim().min(3, translatable("errors.fields.sayWhatWillBeDone")).max(300),
  ownerName: z.string().trim().min(2, translatable("errors.fields.nameThePersonResponsible")).max(120),
  ownerOrganizationId: z.string().uuid(translatable("errors.fields.chooseTheOwnersOrganization")),
  dueDate: day(translatable("errors.fields.enterTheDueDate")),
  aboutOrganizationId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
});

export const MarkNextStepDoneSchema = z.object({ intent: z.literal("next-step-done"), nextStepId: z.string().uuid() });
