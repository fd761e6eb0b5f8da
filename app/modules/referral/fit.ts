/**
 * Capacity, eligibility and fit, checked before a referral is sent: the field's lesson is that
 * most referrals fail on "no funds" or "not eligible", so the sender sees it first. Pure (no I/O),
 * shared by the server and the send form. Warnings are codes with parameters; the UI words them.
 */
export type CapacityStatus = "CAPACITY" | "NO_CAPACITY" | "WAITLIST" | "ADDITIONAL_ASSESSMENT_REQUIRED";

export type FitWarning =
  | { code: "service-not-active"; status: string }
  | { code: "no-capacity" }
  | { code: "waitlist" }
  | { code: "assessment-required" }
  | { code: "capacity-unknown" }
  | { code: "capacity-stale"; days: number }
  | { code: "too-young"; age: number; minimumAge: number }
  | { code: "too-old"; age: number; maximumAge: number }
  | { code: "language"; clientLanguage: string; serviceLanguages: string[] }
  | { code: "area"; serviceAreas: string[] }
  | { code: "need-not-listed"; needs: string[] }
  /** What the client must bring, and what it costs (an imported 211 directory carries both): shown, never blocking. */
  | { code: "documents"; documents: string[] }
  | { code: "fees"; fees: string };

export type FitFacts = {
  at: Date;
  needs: readonly string[];
  client: { birthDate: string | null; preferredLanguage: string | null; address: string | null };
  service: {
    status: string;
    minimumAge: number | null;
    maximumAge: number | null;
    languages: readonly string[];
    sdohCodes: readonly string[];
    capacityStatus: CapacityStatus | null;
    capacityUpdatedAt: Date | null;
    /** Cities and ZIP codes of the service's locations. */
    areas: readonly { city: string | null; postalCode: string | null }[];
    /** The service's own areas (HSDS service_areas: a city, county or ZIP); when present they replace the locations' cities. */
    serviceAreas?: readonly string[];
    requiredDocuments?: readonly string[];
    feesDescription?: string | null;
    free?: boolean;
  } | null;
};

/** Capacity older than this is shown as "confirm by phone". */
export const CAPACITY_STALE_DAYS = 14;

export function ageOn(birthDate: string, at: Date): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = at.getUTCFullYear() - y;
  if (at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)) age -= 1;
  return age;
}

const normalize = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();

export function checkFit({ at, needs, client, service }: FitFacts): FitWarning[] {
  if (!service) return [];
  const warnings: FitWarning[] = [];
  if (service.status !== "ACTIVE") warnings.push({ code: "service-not-active", status: service.status });

  if (service.capacityStatus === "NO_CAPACITY") warnings.push({ code: "no-capacity" });
  else if (service.capacityStatus === "WAITLIST") warnings.push({ code: "waitlist" });
  else if (service.capacityStatus === "ADDITIONAL_ASSESSMENT_REQUIRED") warnings.push({ code: "assessment-required" });
  if (!service.capacityStatus || !service.capacityUpdatedAt) warnings.push({ code: "capacity-unknown" });
  else {
    const days = Math.floor((at.getTime() - service.capacityUpdatedAt.getTime()) / 86_400_000);
    if (days > CAPACITY_STALE_DAYS) warnings.push({ code: "capacity-stale", days });
  }

  const age = client.birthDate ? ageOn(client.birthDate, at) : null;
  if (age !== null && service.minimumAge !== null && age < service.minimumAge) warnings.push({ code: "too-young", age, minimumAge: service.minimumAge });
  if (age !== null && service.maximumAge !== null && age > service.maximumAge) warnings.push({ code: "too-old", age, maximumAge: service.maximumAge });

  const language = client.preferredLanguage?.toLowerCase();
  if (language && language !== "other" && service.languages.length > 0 && !service.languages.some((l) => l.toLowerCase().split("-")[0] === language)) {
    warnings.push({ code: "language", clientLanguage: language, serviceLanguages: [...service.languages] });
  }

  // Area: the client's address should name one of the service's areas (its own, else its locations' cities or ZIP codes).
  // "Otero County" matches an address in Otero; a county name alone is the best an address line can say.
  const declared = (service.serviceAreas ?? []).map((a) => a.trim()).filter(Boolean);
  const areas = declared.length ? declared.map((a) => a.replace(/\s+(county|condado|parish|city)$/i, "").replace(/^(city|county) of\s+/i, "")) : service.areas.flatMap((a) => [a.city, a.postalCode]).filter((v): v is string => !!v && v.trim().length > 0);
  if (client.address && areas.length > 0) {
    const address = normalize(client.address);
    if (!areas.some((area) => address.includes(normalize(area)))) {
      warnings.push({ code: "area", serviceAreas: declared.length ? declared.slice(0, 5) : [...new Set(service.areas.map((a) => [a.city, a.postalCode].filter(Boolean).join(" ")))].slice(0, 5) });
    }
  }
  if (service.requiredDocuments?.length) warnings.push({ code: "documents", documents: [...service.requiredDocuments] });
  if (service.feesDescription && !service.free && !/^(none|free|no fee|no cost|gratis|\$?0(\.00)?)$/i.test(service.feesDescription.trim())) warnings.push({ code: "fees", fees: service.feesDescription });

  if (service.sdohCodes.length > 0) {
    const missing = needs.filter((n) => !service.sdohCodes.includes(n));
    if (missing.length) warnings.push({ code: "need-not-listed", needs: missing });
  }
  return warnings;
}
