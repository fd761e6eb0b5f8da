import { z } from "zod";
import { translatable } from "~/utils/translatable";
import { isoDate, optionalText } from "~/utils/form-fields";

export const CLIENT_LANGUAGES = ["en", "es", "other"] as const;


export const RegisterClientSchema = z.object({
  intent: z.literal("register"),
  name: z.string().trim().min(2, translatable("errors.fields.enterTheClientsFullName")).max(160),
  birthDate: isoDate(translatable("errors.fields.enterTheDateOfBirth")).refine((v) => v >= "1900-01-01" && new Date(`${v}T00:00:00Z`) <= new Date(), translatable("errors.fields.theDateOfBirthCannotBeIn")),
  contact: optionalText(200),
  preferredLanguage: z.enum(CLIENT_LANGUAGES, { errorMap: () => ({ message: translatable("errors.fields.chooseAPreferredLanguage") }) }),
  address: optionalText(300),
  notes: optionalText(4000),
  /** Set when the care manager has seen the possible duplicates and confirmed this is someone else. */
  confirmNotDuplicate: z.literal("yes").optional(),
});
export type RegisterClientInput = z.infer<typeof RegisterClientSchema>;

export const ClientIdParamSchema = z.object({ clientId: z.string().uuid() });

/** The client picker's search (search as you type, ADR 104): a few words of a name, bounded. */
export const CLIENT_SEARCH_MAX = 100;
export const ClientSearchSchema = z.object({
  q: z.string().trim().min(1, translatable("errors.fields.typeAClientsName")).max(CLIENT_SEARCH_MAX, translatable("errors.fields.clientSearchTooLong")),
});
