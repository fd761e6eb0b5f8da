/**
 * A goal's interventions and progress notes, and the client's care team (issue #15, ADR 100): one
 * zod schema per form, bounded, shared by the browser (useSchemaForm) and the action (parseForm).
 * With the assessment's form, these are the plan page's forms of this slice (CARE_RECORD_FORMS).
 * Browser-safe: no server imports.
 */
import { z } from "zod";
import { uuid } from "~/utils/form-fields";
import { careTextFields } from "./schemas";
import { ASSESSMENT_FORMS } from "./assessment-schemas";

export const RECORD_LIMITS = { intervention: 500, progressNote: 2000, memberName: 120, memberRole: 80 } as const;

/** Role labels the form suggests (free text: a team names its own roles). */
export const SUGGESTED_ROLES = ["housingNavigator", "peerSpecialist", "communityHealthWorker", "behavioralHealth", "pharmacist", "benefitsAdvisor"] as const;

const { m, requiredText } = careTextFields("careTeam.errors");

export const AddInterventionSchema = z.object({
  intent: z.literal("add-intervention"),
  goalId: uuid(m("goal")),
  text: requiredText(RECORD_LIMITS.intervention, "intervention"),
});

export const AddProgressNoteSchema = z.object({
  intent: z.literal("add-progress-note"),
  goalId: uuid(m("goal")),
  text: requiredText(RECORD_LIMITS.progressNote, "progressNote"),
});

export const AddTeamMemberSchema = z.object({
  intent: z.literal("add-team-member"),
  memberOrganizationId: uuid(m("memberOrganization")),
  name: requiredText(RECORD_LIMITS.memberName, "memberName"),
  role: requiredText(RECORD_LIMITS.memberRole, "memberRole"),
});

export const RemoveTeamMemberSchema = z.object({
  intent: z.literal("remove-team-member"),
  teamMemberId: uuid(m("teamMember")),
  /** The page asks before removing; the action insists on the answer. */
  confirm: z.literal("yes", { errorMap: () => ({ message: m("confirmRemove") }) }),
});

export type AddTeamMemberInput = z.infer<typeof AddTeamMemberSchema>;

/** This slice's forms of the care plan page, by intent (the plan's action tries these first). */
export const CARE_RECORD_FORMS = {
  ...ASSESSMENT_FORMS,
  "add-intervention": AddInterventionSchema,
  "add-progress-note": AddProgressNoteSchema,
  "add-team-member": AddTeamMemberSchema,
  "remove-team-member": RemoveTeamMemberSchema,
} as const;
export type CareRecordIntent = keyof typeof CARE_RECORD_FORMS;
export type CareRecordForm = { [K in CareRecordIntent]: z.infer<(typeof CARE_RECORD_FORMS)[K]> }[CareRecordIntent];
export const isCareRecordIntent = (intent: unknown): intent is CareRecordIntent => typeof intent === "string" && Object.hasOwn(CARE_RECORD_FORMS, intent);
