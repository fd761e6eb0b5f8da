import { z } from "zod";
import { translatable } from "~/utils/translatable";

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email(translatable("errors.fields.enterTheEmailAddressYouWereInvited")),
  password: z.string().min(1, translatable("errors.fields.enterYourPassword")).max(200),
  redirectTo: z.string().optional(),
});

export const SwitchOrganizationSchema = z.object({
  organizationId: z.string().uuid(),
  redirectTo: z.string().optional(),
});

export const PASSWORD_MIN_LENGTH = 10;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(200);

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, translatable("errors.fields.enterYourCurrentPassword")).max(200),
    newPassword: PasswordSchema,
    confirmPassword: z.string().max(200),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: translatable("errors.fields.thePasswordsDoNotMatch") });
