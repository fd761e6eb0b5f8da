import { z } from "zod";
import { isoDate, optionalText } from "~/utils/form-fields";

export const CLIENT_LANGUAGES = ["en", "es", "other"] as const;


export const RegisterClientSchema = z.object({
  intent: z.literal("register"),
  name: z.string().trim().min(2, "Enter the client's full name").max(160, "Use at most 160 characters"),
  birthDate: isoDate("Enter the date of birth").refine((v) => v >= "1900-01-01" && new Date(`${v}T00:00:00Z`) <= new Date(), "The date of birth cannot be in the future"),
  contact: optionalText(200, "Use at most 200 characters"),
  preferredLanguage: z.enum(CLIENT_LANGUAGES, { errorMap: () => ({ message: "Choose a preferred language" }) }),
  address: optionalText(300, "Use at most 300 characters"),
  notes: optionalText(4000, "Use at most 4,000 characters"),
  /** Set when the care manager has seen the possible duplicates and confirmed this is someone else. */
  confirmNotDuplicate: z.literal("yes").optional(),
});
export type RegisterClientInput = z.infer<typeof RegisterClientSchema>;

export const ClientIdParamSchema = z.object({ clientId: z.string().uuid() });
