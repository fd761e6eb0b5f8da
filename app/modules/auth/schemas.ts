import { z } from "zod";

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter the email address you were invited with"),
  password: z.string().min(1, "Enter your password").max(200),
  redirectTo: z.string().optional(),
});

export const SwitchOrganizationSchema = z.object({
  organizationId: z.string().uuid(),
  redirectTo: z.string().optional(),
});

export const PASSWORD_MIN_LENGTH = 10;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");
