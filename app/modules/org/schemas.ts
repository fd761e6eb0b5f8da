import { z } from "zod";
import { ORGANIZATION_ROLES } from "~/utils/permissions";
import { PasswordSchema } from "~/modules/auth/schemas";

export const InviteSchema = z.object({
  intent: z.literal("invite"),
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  role: z.enum(ORGANIZATION_ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
});

export const RevokeInviteSchema = z.object({
  intent: z.literal("revoke-invite"),
  inviteId: z.string().uuid(),
});

export const AcceptInviteSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(120),
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
