import { z } from "zod";
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
  email: z.string().trim().toLowerCase().max(EMAIL_MAX, `Enter an email address of at most ${EMAIL_MAX} characters`).email("Enter a valid email address"),
  role: z.enum(ORGANIZATION_ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
});

export const RevokeInviteSchema = z.object({
  intent: z.literal("revoke-invite"),
  inviteId: z.string().uuid(),
});

export const AcceptInviteSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(PERSON_NAME_MAX, `Enter a name of at most ${PERSON_NAME_MAX} characters`),
    password: PasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "The passwords do not match" });

/** Accepting as a person who already has an account: no new password. */
export const AcceptInviteExistingSchema = z.object({ intent: z.literal("join") });

export const CreateApiKeySchema = z.object({
  intent: z.literal("create-key"),
  name: z.string().trim().min(2, "Name the key after what will use it").max(80),
});

export const RevokeApiKeySchema = z.object({
  intent: z.literal("revoke-key"),
  apiKeyId: z.string().uuid(),
});
