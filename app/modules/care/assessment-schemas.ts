/**
 * The 30-day stepwise assessment (issue #15, ADR 100): its sections and the one form that saves a
 * section. Strengths and what matters to the person are the client's words; each needs section is a
 * Healthy People 2030 domain whose Gravity SDOH codes (modules/sdoh/roll-up.ts, the hub's one
 * mapping) the care manager ticks, with an optional note. Browser-safe: no server imports.
 */
import { z } from "zod";
import { boundedDate, manyOf } from "~/utils/form-fields";
import { categoriesOf, GRAVITY_CODES, type GravityCode, type Hp2030DomainId } from "~/modules/sdoh/roll-up";
import { careTextFields } from "./schemas";

export const ASSESSMENT_LIMITS = { text: 2000 } as const;

/** The sections in the order the page shows them (the database enum `CareAssessmentSection`). */
export const ASSESSMENT_SECTIONS = [
  "STRENGTHS",
  "NEEDS_ECONOMIC_STABILITY",
  "NEEDS_EDUCATION",
  "NEEDS_HEALTH_CARE",
  "NEEDS_NEIGHBORHOOD",
  "NEEDS_SOCIAL_COMMUNITY",
  "WHAT_MATTERS",
] as const;
export type AssessmentSection = (typeof ASSESSMENT_SECTIONS)[number];

/** A needs section's Healthy People 2030 domain; the two sections of words have none. */
export const SECTION_DOMAIN: Record<AssessmentSection, Hp2030DomainId | null> = {
  STRENGTHS: null,
  NEEDS_ECONOMIC_STABILITY: "economic-stability",
  NEEDS_EDUCATION: "education-access-and-quality",
  NEEDS_HEALTH_CARE: "health-care-access-and-quality",
  NEEDS_NEIGHBORHOOD: "neighborhood-and-built-environment",
  NEEDS_SOCIAL_COMMUNITY: "social-and-community-context",
  WHAT_MATTERS: null,
};

/** The Gravity codes a section offers (none for strengths and what matters). */
export const sectionCodes = (section: AssessmentSection): GravityCode[] => {
  const domain = SECTION_DOMAIN[section];
  return domain ? categoriesOf(domain) : [];
};

const { m, optionalNote } = careTextFields("careAssessment.errors");

export const SaveAssessmentSectionSchema = z
  .object({
    intent: z.literal("save-assessment-section"),
    section: z.enum(ASSESSMENT_SECTIONS, { errorMap: () => ({ message: m("section") }) }),
    sdohCodes: manyOf(z.enum(GRAVITY_CODES, { errorMap: () => ({ message: m("code") }) })).refine((codes) => codes.length <= GRAVITY_CODES.length, m("code")),
    text: optionalNote(ASSESSMENT_LIMITS.text),
    completedOn: boundedDate(m("date")),
  })
  .superRefine((v, ctx) => {
    const offered = new Set<string>(sectionCodes(v.section));
    // Strengths and what matters are the person's words: a section of words needs some.
    if (SECTION_DOMAIN[v.section] === null && !v.text) ctx.addIssue({ code: "custom", path: ["text"], message: m("text") });
    if (v.sdohCodes.some((c) => !offered.has(c))) ctx.addIssue({ code: "custom", path: ["sdohCodes"], message: m("codeOutsideDomain") });
  })
  .transform((v) => ({ ...v, sdohCodes: [...new Set(v.sdohCodes)] }));
export type SaveAssessmentSectionInput = z.infer<typeof SaveAssessmentSectionSchema>;

export const ASSESSMENT_FORMS = { "save-assessment-section": SaveAssessmentSectionSchema } as const;
