import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { optionalText } from "~/utils/form-fields";

export const ORGANIZATION_KINDS = [
  "HOSPITAL", "FQHC", "PRIMARY_CARE", "FOOD_BANK", "HOUSING_AUTHORITY", "LEGAL_AID", "FAITH_CONGREGATION", "YMCA",
  "BEHAVIORAL_HEALTH", "TRANSPORTATION", "UTILITY_ASSISTANCE", "SENIOR_SERVICES", "NEIGHBORHOOD_GROUP", "PUBLIC_HEALTH",
  "SOCIAL_SERVICES", "EDUCATION", "COMMUNITY_BASED_ORGANIZATION", "COALITION_BACKBONE", "OTHER",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const UpdateCoalitionSchema = z.object({
  intent: z.literal("update-coalition"),
  name: z.string().trim().min(3).max(120),
  visionStatement: z.string().trim().max(2000),
});

export const AddMemberOrganizationSchema = z.object({
  intent: z.literal("add-organization"),
  name: z.string().trim().min(2, translatable("errors.fields.enterTheOrganizationsName")).max(160),
  kind: z.enum(ORGANIZATION_KINDS, { errorMap: () => ({ message: translatable("errors.fields.chooseWhatKindOfOrganizationItIs") }) }),
  email: z.string().trim().email(translatable("errors.fields.enterAValidEmailAddress")).optional().or(z.literal("").transform(() => undefined)),
  phone: optionalText(40),
  city: optionalText(80),
});

export const RemoveMemberOrganizationSchema = z.object({
  intent: z.literal("remove-organization"),
  organizationId: z.string().uuid(),
});
