import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { ORGANIZATION_ROLES } from "~/utils/permissions";
import { PasswordSchema } from "~/modules/auth/schemas";

/**
 * Length limits, exported so each form's input carries the same `maxLength` the server enforces.
 * 254 is the longest address SMTP can deliver (RFC 5321 path of 256 less the angle brackets).
 */
export const EMAIL_MAX = 254;
export const PERSON_NAME_MAX = 120;

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.string().trim().toLowerCase().max(EMAIL_MAX).email(translatable("errors.fields.enterAValidEmailAddress")),
  role: z.enum(ORGANIZATION_ROLES, { errorMap: () => ({ message: translatable("errors.fields.chooseARole") }) }),
});

export const RevokeInviteSchema = z.object({
  intent: z.literal("revoke-invite"),
  inviteId: z.string().uuid(),
});

export const AcceptInviteSchema = z
  .object({
    name: z.string().trim().min(1, translatable("errors.fields.enterYourName")).max(PERSON_NAME_MAX),
    password: PasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: translatable("errors.fields.thePasswordsDoNotMatch") });

/** Accepting as a person who already has an account: no new password. */
export const AcceptInviteExistingSchema = z.object({ intent: z.literal("join") });

export const CreateApiKeySchema = z.object({
  intent: z.literal("create-key"),
  name: z.string().trim().min(2, translatable("errors.fields.nameTheKeyAfterWhatWillUse")).max(80),
});

export const RevokeApiKeySchema = z.object({
  intent: z.literal("revoke-key"),
  apiKeyId: z.string().uuid(),
});
