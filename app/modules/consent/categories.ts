/** Consent categories and forms, shared by server and UI (no server-only imports). */
export const CONSENT_CATEGORIES = [
  "CONTACT_DEMOGRAPHICS",
  "SOCIAL_NEEDS",
  "CARE_PLAN",
  "BEHAVIORAL_HEALTH",
  "HIV_STI",
  "SUD_PART2",
  "CLINICAL_SUMMARY",
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];

/** 42 CFR Part 2: never under a general authorization. */
export const PART2_CATEGORY = "SUD_PART2" satisfies ConsentCategory;
export const GENERAL_CATEGORIES = CONSENT_CATEGORIES.filter((c) => c !== PART2_CATEGORY);

export const AUTHORIZATION_FORMS = ["GENERAL", "PART2"] as const;
export type AuthorizationForm = (typeof AUTHORIZATION_FORMS)[number];

export const REVOCATION_CHANNELS = ["IN_PERSON_WRITTEN", "MAIL", "EMAIL", "FAX", "OTHER_WRITTEN"] as const;
export const CONSENT_LANGUAGES = ["en", "es"] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];
