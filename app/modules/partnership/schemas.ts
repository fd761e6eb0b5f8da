import { z } from "zod";
import { boundedDate } from "~/utils/form-fields";

export const RELATIONSHIP_STAGES = ["IDENTIFIED", "CONTACTED", "FIRST_MEETING", "EARLY_COLLABORATION", "FORMAL_AGREEMENT", "COALITION_MEMBER"] as const;
export const AGREEMENT_KINDS = ["DATA_SHARING", "BAA", "MOU", "OTHER"] as const;
export const SUPPORT_LEVELS = ["STRONG_OPPOSITION", "OPPOSITION", "NEUTRAL", "SUPPORT", "STRONG_SUPPORT"] as const;
export const INFLUENCE_LEVELS = ["LOW", "MEDIUM", "HIGH"] as const;
export const DECISION_METHODS = ["CONSENSUS", "VOTE", "TIE_BREAKER", "COMMITTEE"] as const;

/** 1900-2100 and a real day (edge building block, issue #13). */
const DATE = boundedDate("Enter a date");
const optionalDate = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const d = new Date(`${s}T00:00:00Z`);
    if (!DATE.safeParse(s).success) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "Enter a date" });
      return z.NEVER;
    }
    return d;
  });

export const SetStageSchema = z.object({
  intent: z.literal("set-stage"),
  organizationId: z.string().uuid(),
  stage: z.enum(RELATIONSHIP_STAGES, { errorMap: () => ({ message: "Choose a stage" }) }),
});

export const AddAgreementSchema = z
  .object({
    intent: z.literal("add-agreement"),
    organizationId: z.string().uuid("Choose the partner"),
    kind: z.enum(AGREEMENT_KINDS, { errorMap: () => ({ message: "Choose the kind of agreement" }) }),
    signedOn: optionalDate,
    renewsOn: optionalDate,
    notes: z.string().trim().max(500).default(""),
  })
  .refine((a) => !a.signedOn || !a.renewsOn || a.renewsOn > a.signedOn, { path: ["renewsOn"], message: "Renewal must come after signing" });

/** Rows arrive as parallel lists: group[i], support[i], influence[i], actionSteps[i]. */
const list = z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()));
export const StakeholderAnalysisSchema = z
  .object({
    intent: z.literal("add-analysis"),
    heldOn: boundedDate("Enter the date of the analysis"),
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
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["group"], message: "Add at least one stakeholder group" });
      return z.NEVER;
    }
    for (const r of rows) {
      if (!(SUPPORT_LEVELS as readonly string[]).includes(r.support ?? "") || !(INFLUENCE_LEVELS as readonly string[]).includes(r.influence ?? "")) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["group"], message: `Choose support and influence for "${r.group}"` });
        return z.NEVER;
      }
    }
    return {
      heldOn: new Date(`${v.heldOn}T00:00:00Z`),
      rows: rows as { group: string; support: (typeof SUPPORT_LEVELS)[number]; influence: (typeof INFLUENCE_LEVELS)[number]; actionSteps: string }[],
    };
  });

export const AddDecisionSchema = z.object({
  intent: z.literal("add-decision"),
  decision: z.string().trim().min(5, "Write the decision").max(1000),
  method: z.enum(DECISION_METHODS, { errorMap: () => ({ message: "Choose how it was decided" }) }),
  decidedOn: boundedDate("Enter the date").transform((s) => new Date(`${s}T00:00:00Z`)),
  present: z.string().trim().min(2, "Say who was present").max(1000),
});

export const AddNextStepSchema = z.object({
  intent: z.literal("add-next-step"),
  what: z.string().trim().min(3, "Say what will be done").max(300),
  ownerName: z.string().trim().min(2, "Name the person responsible").max(120),
  ownerOrganizationId: z.string().uuid("Choose the owner's organization"),
  dueDate: boundedDate("Enter the due date").transform((s) => new Date(`${s}T00:00:00Z`)),
  aboutOrganizationId: z.string().uuid().optional().or(z.literal("").transform(() => undefined)),
});

export const MarkNextStepDoneSchema = z.object({ intent: z.literal("next-step-done"), nextStepId: z.string().uuid() });
