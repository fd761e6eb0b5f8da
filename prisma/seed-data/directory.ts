/**
 * The demo directory: a few hundred assets across Pueblo County (service locations of the demo
 * partners, plus informal assets partners vouch for). FICTIONAL services at plausible places:
 * real town centres and street names, invented street numbers; phones in 719-555-01xx.
 *
 * Deterministic (a seeded random generator and name-based UUIDs), so running the seed again
 * produces the same ids and inserts nothing new. Also used by bench/ to make 50,000 assets.
 */
import { uuidFromName } from "~/modules/directory/ids";
import { buildServiceLocationAsset, type ServiceForAsset } from "~/modules/directory/asset-builder";
import type { ScheduleRule } from "~/modules/directory/open-now";
import type { GravityCode } from "~/modules/sdoh/roll-up";

type Capacity = ServiceForAsset["capacityStatus"];

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Town centres of Pueblo County with a spread in degrees and their ZIP codes. */
export const PUEBLO_PLACES = [
  { city: "Pueblo", lat: 38.2600, lng: -104.6100, spread: 0.035, zips: ["81001", "81003", "81004", "81005", "81006", "81008"], weight: 60 },
  { city: "Pueblo West", lat: 38.3300, lng: -104.7300, spread: 0.03, zips: ["81007"], weight: 14 },
  { city: "Colorado City", lat: 37.9447, lng: -104.8412, spread: 0.01, zips: ["81019"], weight: 5 },
  { city: "Rye", lat: 37.9213, lng: -104.9308, spread: 0.008, zips: ["81069"], weight: 4 },
  { city: "Beulah", lat: 38.0779, lng: -104.9836, spread: 0.008, zips: ["81023"], weight: 3 },
  { city: "Boone", lat: 38.2492, lng: -104.2571, spread: 0.006, zips: ["81025"], weight: 4 },
  { city: "Avondale", lat: 38.2379, lng: -104.3486, spread: 0.006, zips: ["81022"], weight: 4 },
  { city: "Vineland", lat: 38.2420, lng: -104.4800, spread: 0.01, zips: ["81006"], weight: 3 },
] as const;

const STREETS: Record<string, string[]> = {
  Pueblo: ["Northern Ave", "Lake Ave", "Abriendo Ave", "Santa Fe Ave", "Union Ave", "N Main St", "N Elizabeth St", "Greenwood St", "Prairie Ave", "Pueblo Blvd", "Bonforte Blvd", "Belmont Ave", "Jerry Murphy Rd", "W 4th St", "E 8th St", "W 29th St", "Mesa Ave", "Evans Ave", "Central Ave", "Orman Ave", "Routt Ave", "E 4th St", "Hudson Ave", "Troy Ave"],
  "Pueblo West": ["S McCulloch Blvd", "S Purcell Blvd", "W Industrial Blvd", "E Spaulding Ave", "S Joe Martinez Blvd"],
  "Colorado City": ["Cuerno Verde Rd", "Colorado Blvd", "Sunset Pl"],
  Rye: ["Main St", "Park St", "Cuerno Verde Ave"],
  Beulah: ["Pennsylvania Ave", "Central Ave", "Grand Ave"],
  Boone: ["Boone Rd", "Main St", "Wall St"],
  Avondale: ["Avondale Blvd", "Gotcha St", "Hwy 50 E"],
  Vineland: ["Lane 36", "Hwy 50 E", "29th Ln"],
};

type ServiceTemplate = {
  name: string; description: string; codes: GravityCode[]; hours: ScheduleRule[]; eligibility?: string; free?: boolean;
  minAge?: number; maxAge?: number; unit?: string; coalitionOnly?: boolean;
  /** How many delivery sites it tends to have, relative to others (default 1). */
  sites?: number;
};

const weekdays = (opensAt = "09:00", closesAt = "17:00"): ScheduleRule[] => [{ freq: "WEEKLY", byday: "MO,TU,WE,TH,FR", opensAt, closesAt }];
const days = (byday: string, opensAt: string, closesAt: string): ScheduleRule[] => [{ freq: "WEEKLY", byday, opensAt, closesAt }];

/** What each demo partner offers (by organization slug). */
export const SERVICE_TEMPLATES: Record<string, ServiceTemplate[]> = {
  foodbank: [
    { name: "Food Pantry", sites: 40, description: "Free groceries once a week: produce, dairy and shelf-stable food. Bring a bag.", codes: ["food-insecurity"], hours: days("TU,TH", "10:00", "14:00"), eligibility: "Pueblo County residents; no documents needed.", free: true, unit: "households" },
    { name: "Mobile Food Pantry", sites: 25, description: "A truck with fresh produce and staples, first Saturday of each month.", codes: ["food-insecurity"], hours: [{ freq: "MONTHLY", byday: "1SA", opensAt: "09:00", closesAt: "12:00" }], free: true, unit: "households" },
    { name: "SNAP Application Help", sites: 4, description: "Help applying for SNAP (food stamps) and WIC, in English and Spanish.", codes: ["food-insecurity", "financial-insecurity"], hours: weekdays(), free: true },
    { name: "Senior Food Box (CSFP)", description: "A monthly food box for adults 60 and over on a low income.", codes: ["food-insecurity"], hours: days("WE", "09:00", "13:00"), minAge: 60, free: true, unit: "boxes" },
  ],
  "housing-authority": [
    { name: "Rental Assistance", description: "Emergency help with rent and deposits to prevent eviction.", codes: ["housing-instability", "financial-insecurity"], hours: weekdays("08:00", "16:30"), eligibility: "Household income at or below 60% of area median income.", unit: "households" },
    { name: "Emergency Night Shelter", sites: 4, description: "Beds, showers and a hot meal overnight. Walk in; families welcome.", codes: ["homelessness"], hours: days("", "19:00", "07:00"), free: true, unit: "beds" },
    { name: "Home Repair for Owners", description: "Accessibility ramps, furnaces and roof repairs for low-income homeowners.", codes: ["inadequate-housing"], hours: weekdays(), unit: "homes" },
  ],
  "legal-aid": [
    { name: "Eviction Defense Clinic", description: "Free legal advice and court representation for tenants facing eviction.", codes: ["housing-instability"], hours: days("MO,WE", "13:00", "17:00"), free: true },
    { name: "Benefits Appeals", description: "Help appealing denied Medicaid, SNAP or disability benefits.", codes: ["health-insurance-coverage-status", "financial-insecurity"], hours: weekdays(), free: true },
  ],
  fqhc: [
    { name: "Sliding-Fee Primary Care", sites: 4, description: "Medical visits on a sliding fee scale; no one is turned away for inability to pay.", codes: ["medical-cost-burden", "health-insurance-coverage-status"], hours: weekdays("08:00", "18:00"), unit: "appointments" },
    { name: "Health Insurance Enrollment", sites: 4, description: "Certified assisters enroll people in Health First Colorado (Medicaid), CHP+ and marketplace plans.", codes: ["health-insurance-coverage-status"], hours: weekdays(), free: true },
    { name: "Community Dental Clinic", description: "Cleanings, fillings and extractions on a sliding scale.", codes: ["medical-cost-burden"], hours: days("TU,WE,TH", "08:00", "16:00"), unit: "appointments" },
  ],
  hospital: [
    { name: "Financial Assistance Counseling", description: "Help with hospital bills, charity care and payment plans.", codes: ["medical-cost-burden", "financial-insecurity"], hours: weekdays(), free: true },
    { name: "Diabetes Self-Management Classes", description: "Six-week classes on food, medicines and blood sugar.", codes: ["personal-health-literacy"], hours: days("TH", "17:30", "19:30"), free: true, unit: "seats" },
  ],
  "utility-assistance": [
    { name: "Energy Bill Assistance (LEAP)", description: "Help paying heating bills in winter and stopping shut-offs.", codes: ["utility-insecurity"], hours: weekdays("08:30", "16:30"), eligibility: "Income at or below 60% of state median income.", unit: "households" },
    { name: "Water Bill Help", description: "One-time help with past-due water bills.", codes: ["utility-insecurity", "financial-insecurity"], hours: days("MO,TU,WE", "09:00", "15:00") },
  ],
  transportation: [
    { name: "Rides to Medical Appointments", description: "Door-to-door rides to medical, dental and pharmacy visits; book 48 hours ahead.", codes: ["transportation-insecurity"], hours: weekdays("07:00", "18:00"), free: true, unit: "rides" },
    { name: "Reduced-Fare Bus Pass", description: "Half-price Pueblo Transit passes for seniors, people with disabilities and low-income riders.", codes: ["transportation-insecurity"], hours: weekdays() },
  ],
  "behavioral-health": [
    { name: "Crisis Walk-In Center", description: "Open 24 hours for anyone in a mental health or substance use crisis.", codes: ["stress"], hours: days("", "00:00", "00:00"), free: true },
    { name: "Counseling on a Sliding Scale", description: "Individual and family counseling; Medicaid accepted.", codes: ["stress", "medical-cost-burden"], hours: weekdays("08:00", "19:00"), unit: "appointments" },
    { name: "Domestic Violence Advocacy", description: "Confidential advocacy, safety planning and shelter referrals.", codes: ["intimate-partner-violence"], hours: days("", "00:00", "00:00"), free: true, coalitionOnly: true },
  ],
  "senior-services": [
    { name: "Home-Delivered Meals", sites: 4, description: "Hot meals delivered on weekdays to homebound older adults.", codes: ["food-insecurity"], hours: weekdays("10:00", "13:00"), minAge: 60, unit: "meals" },
    { name: "Elder Abuse Prevention", description: "Reports, advocacy and check-ins for older adults at risk.", codes: ["elder-abuse"], hours: weekdays(), minAge: 60, free: true, coalitionOnly: true },
    { name: "Senior Center Social Hour", sites: 6, description: "Coffee, cards and exercise classes for people 55 and over.", codes: ["social-connection"], hours: days("MO,WE,FR", "09:00", "12:00"), minAge: 55, free: true },
  ],
  "public-health": [
    { name: "WIC Clinic", sites: 5, description: "Healthy food, nutrition education and breastfeeding support for families with young children.", codes: ["food-insecurity"], hours: weekdays("08:00", "16:30"), maxAge: 5, free: true },
    { name: "Immunization Clinic", sites: 3, description: "Vaccines for children and adults; no one turned away for inability to pay.", codes: ["medical-cost-burden"], hours: days("TU,TH", "08:00", "16:00") },
  ],
  "community-action": [
    { name: "Job Readiness Program", description: "Résumés, interview practice and job leads.", codes: ["employment-status"], hours: weekdays(), free: true, unit: "seats" },
    { name: "Free Tax Preparation (VITA)", sites: 6, description: "Free tax returns for households earning under $67,000.", codes: ["financial-insecurity"], hours: days("TU,TH,SA", "10:00", "16:00"), free: true },
    { name: "GED Classes", sites: 4, description: "Adult education and high-school equivalency preparation.", codes: ["educational-attainment"], hours: days("MO,WE", "18:00", "20:30"), free: true, minAge: 17, unit: "seats" },
    { name: "Clothing and Household Closet", sites: 4, description: "Free clothing, diapers and household goods.", codes: ["material-hardship"], hours: days("FR", "10:00", "14:00"), free: true },
  ],
  "family-resource-center": [
    { name: "Parenting Classes", sites: 3, description: "Classes and play groups for parents of children under six.", codes: ["social-connection", "educational-attainment"], hours: days("TU", "17:00", "19:00"), free: true },
    { name: "Digital Skills Lab", sites: 5, description: "Learn to use a computer, email and telehealth; borrow a hotspot.", codes: ["digital-literacy", "digital-access"], hours: days("MO,WE,FR", "13:00", "17:00"), free: true, unit: "seats" },
  ],
  "veterans-peer-group": [
    { name: "Veterans Peer Support", description: "Veterans helping veterans with VA benefits, housing and reconnecting.", codes: ["veteran-status", "social-connection"], hours: days("TH", "18:00", "20:00"), free: true },
  ],
  "latino-community": [
    { name: "English Classes (ESL)", sites: 6, description: "Free English classes for adults, all levels.", codes: ["language-access", "educational-attainment"], hours: days("TU,TH", "18:00", "20:00"), free: true, unit: "seats" },
    { name: "Promotoras de Salud", sites: 4, description: "Community health workers who help families find care, in Spanish.", codes: ["language-access", "personal-health-literacy"], hours: weekdays(), free: true },
    { name: "Reentry Support", description: "Help with IDs, jobs and housing after incarceration.", codes: ["incarceration-status", "employment-status"], hours: days("MO,TU", "10:00", "15:00"), free: true, coalitionOnly: true },
  ],
  ymca: [
    { name: "Diabetes Prevention Program", description: "A year-long lifestyle program for people with prediabetes.", codes: ["personal-health-literacy"], hours: days("MO", "17:30", "18:30"), unit: "seats" },
    { name: "After-School Program", sites: 10, description: "Homework help, meals and activities for ages 6–12.", codes: ["educational-attainment", "food-insecurity"], hours: weekdays("15:00", "18:00"), minAge: 6, maxAge: 12, unit: "children" },
  ],
  "faith-beulah": [
    { name: "Community Supper", sites: 6, description: "A free hot supper every Wednesday; all are welcome.", codes: ["food-insecurity", "social-connection"], hours: days("WE", "17:00", "19:00"), free: true },
  ],
  "neighborhood-boone": [
    { name: "Neighborhood Food Share", sites: 4, description: "Neighbours share garden produce and pantry staples.", codes: ["food-insecurity", "social-connection"], hours: days("SA", "09:00", "11:00"), free: true },
  ],
  "primary-care-mesa-junction": [
    { name: "Walk-In Primary Care", description: "Same-day visits for adults and children.", codes: ["medical-cost-burden"], hours: weekdays("08:00", "17:00"), unit: "appointments" },
  ],
  "primary-care-colorado-city": [
    { name: "Rural Health Clinic", description: "Primary care for the Greenhorn Valley.", codes: ["medical-cost-burden", "health-insurance-coverage-status"], hours: days("MO,TU,TH,FR", "08:00", "17:00"), unit: "appointments" },
  ],
};

/** Where services are delivered: the kind of site at a generated location. */
const SITE_NAMES = ["Community Center", "Branch Office", "Parish Hall", "Elementary School", "Library Meeting Room", "Recreation Center", "Clinic", "Family Center", "Resource Hub"];

const INFORMAL_TEMPLATES: { kind: "INFORMAL_GROUP" | "TRUSTED_PERSON" | "PLACE"; name: string; description: string; codes: GravityCode[]; hours: ScheduleRule[]; languages?: string[] }[] = [
  { kind: "INFORMAL_GROUP", name: "Grief Support Circle", description: "A peer-led circle for anyone who has lost someone. Drop in.", codes: ["stress", "social-connection"], hours: days("TU", "18:30", "20:00") },
  { kind: "INFORMAL_GROUP", name: "Grandparents Raising Grandchildren", description: "Monthly gathering with childcare and a shared meal.", codes: ["social-connection", "protective-factor"], hours: [{ freq: "MONTHLY", byday: "2TH", opensAt: "17:30", closesAt: "19:30" }] },
  { kind: "INFORMAL_GROUP", name: "Walking Group", description: "Neighbours walk together most mornings; everyone welcome.", codes: ["social-connection", "protective-factor"], hours: days("MO,WE,FR", "07:00", "08:00") },
  { kind: "INFORMAL_GROUP", name: "Mutual Aid Pantry Shelf", description: "A little free pantry: take what you need, leave what you can.", codes: ["food-insecurity"], hours: days("", "00:00", "00:00") },
  { kind: "INFORMAL_GROUP", name: "Recovery Meeting", description: "An open peer recovery meeting in the church basement.", codes: ["stress", "social-connection"], hours: days("MO,TH", "19:00", "20:00") },
  { kind: "INFORMAL_GROUP", name: "Tenant Association", description: "Tenants who help each other with repairs, rights and landlords.", codes: ["inadequate-housing", "housing-instability"], hours: [{ freq: "MONTHLY", byday: "1MO", opensAt: "18:00", closesAt: "19:30" }] },
  { kind: "TRUSTED_PERSON", name: "Promotora on the block", description: "A trusted neighbour who knows every clinic and pantry and helps families fill in forms.", codes: ["language-access", "personal-health-literacy"], hours: days("SA", "10:00", "14:00"), languages: ["es", "en"] },
  { kind: "TRUSTED_PERSON", name: "Retired nurse who checks blood pressure", description: "Free blood pressure checks and a friendly ear after Sunday services.", codes: ["personal-health-literacy", "social-connection"], hours: days("SU", "12:00", "13:30") },
  { kind: "TRUSTED_PERSON", name: "Barbershop owner", description: "Knows who is struggling; hosts blood pressure checks and job tips in the chair.", codes: ["social-connection", "employment-status"], hours: days("TU,WE,TH,FR,SA", "09:00", "18:00") },
  { kind: "PLACE", name: "Neighborhood Park", description: "Shade, restrooms, a playground and free summer lunches for kids.", codes: ["social-connection", "food-insecurity"], hours: days("", "06:00", "22:00") },
  { kind: "PLACE", name: "Community Garden", description: "Plots for neighbours; extra produce goes to the pantry shelf.", codes: ["food-insecurity", "social-connection"], hours: days("", "07:00", "20:00") },
  { kind: "PLACE", name: "Free Wi-Fi Spot", description: "A public bench with free Wi-Fi and a charging station.", codes: ["digital-access"], hours: days("", "00:00", "00:00") },
  { kind: "PLACE", name: "Laundromat with Free Wash Day", description: "Free wash and dry the last Friday of the month.", codes: ["material-hardship"], hours: [{ freq: "MONTHLY", byday: "-1FR", opensAt: "09:00", closesAt: "15:00" }] },
];

const VOUCHERS = [
  { email: "director@latino-community.demo.test", name: "Rosa Trujillo", organization: "latino-community" },
  { email: "care.manager@foodbank.demo.test", name: "Luis Archuleta", organization: "foodbank" },
  { email: "director@veterans-peer-group.demo.test", name: "Marcus Romero", organization: "veterans-peer-group" },
  { email: "care.manager@hospital.demo.test", name: "Priya Raman", organization: "hospital" },
  { email: "director@senior-services.demo.test", name: "Gary Hollister", organization: "senior-services" },
];

export type DemoDirectoryInput = {
  coalitionId: string;
  organizations: Map<string, { id: string; name: string }>;
  users: Map<string, string>;
  timeZone: string;
  /** How many service locations to generate (the demo: ~300; the benchmark: 50,000). */
  serviceLocations?: number;
  informal?: number;
  seed?: number;
  /** Namespaces the deterministic ids (the benchmark uses its own). */
  idPrefix?: string;
};

/** Everything the demo directory inserts, as createMany-ready rows. */
export function generateDemoDirectory(input: DemoDirectoryInput) {
  const { coalitionId, organizations, users, timeZone, serviceLocations = 300, informal = 45, seed = 3, idPrefix = "demo" } = input;
  const random = mulberry32(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const id = (key: string) => uuidFromName(`${idPrefix}:${coalitionId}:${key}`);
  const totalWeight = PUEBLO_PLACES.reduce((sum, p) => sum + p.weight, 0);
  const place = () => {
    let r = random() * totalWeight;
    for (const p of PUEBLO_PLACES) if ((r -= p.weight) <= 0) return p;
    return PUEBLO_PLACES[0];
  };
  const point = (p: (typeof PUEBLO_PLACES)[number]) => {
    // Rough normal distribution around the centre (sum of uniforms).
    const g = () => (random() + random() + random() - 1.5) / 1.5;
    return { latitude: Number((p.lat + g() * p.spread).toFixed(5)), longitude: Number((p.lng + g() * p.spread * 1.3).toFixed(5)) };
  };
  const address = (city: string) => `${100 + Math.floor(random() * 3800)} ${pick(STREETS[city] ?? STREETS.Pueblo)}`;
  const phone = () => `719-555-01${String(Math.floor(random() * 100)).padStart(2, "0")}`;
  const capacity = (): { status: Capacity; available: number | null; maximum: number | null } => {
    const r = random();
    const maximum = 10 + Math.floor(random() * 90);
    if (r < 0.55) return { status: "CAPACITY", available: 1 + Math.floor(random() * maximum), maximum };
    if (r < 0.75) return { status: "WAITLIST", available: 0, maximum };
    if (r < 0.87) return { status: "NO_CAPACITY", available: 0, maximum };
    if (r < 0.92) return { status: "ADDITIONAL_ASSESSMENT_REQUIRED", available: null, maximum: null };
    return { status: null, available: null, maximum: null };
  };
  const now = Date.UTC(2026, 10, 20);

  const offerings = Object.entries(SERVICE_TEMPLATES).filter(([slug]) => organizations.has(slug));
  const services: Record<string, unknown>[] = [];
  const locations: Record<string, unknown>[] = [];
  const sals: Record<string, unknown>[] = [];
  const schedules: Record<string, unknown>[] = [];
  const phones: Record<string, unknown>[] = [];
  const assets: Record<string, unknown>[] = [];

  // One service row per template and organization; one location per delivery site.
  const serviceRows = new Map<string, ServiceForAsset>();
  for (const [slug, templates] of offerings) {
    const org = organizations.get(slug)!;
    templates.forEach((t, i) => {
      const cap = capacity();
      const languages = random() < 0.6 || slug === "latino-community" ? ["en", "es"] : random() < 0.1 ? ["en", "es", "vi"] : ["en"];
      const row: ServiceForAsset & { feesDescription: string | null; email: string | null; applicationProcess: string | null } = {
        id: id(`service:${slug}:${i}`), coalitionId, organizationId: org.id, name: t.name, description: t.description,
        url: `https://${slug}.example.org/${t.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`, status: "ACTIVE",
        eligibilityDescription: t.eligibility ?? null, minimumAge: t.minAge ?? null, maximumAge: t.maxAge ?? null, free: t.free ?? false,
        languages, sdohCodes: t.codes, visibility: t.coalitionOnly ? "COALITION" : "PUBLIC",
        capacityStatus: t.unit ? cap.status : null, capacityAvailable: t.unit ? cap.available : null, capacityMaximum: t.unit ? cap.maximum : null,
        capacityUnit: t.unit ?? null, capacityUpdatedAt: t.unit ? new Date(now - Math.floor(random() * 14) * 86_400_000) : null,
        lastConfirmedAt: new Date(now - Math.floor(random() * 120) * 86_400_000), deletedAt: null,
        feesDescription: t.free ? "Free" : "Sliding fee scale", email: `info@${slug}.demo.test`, applicationProcess: "Walk in or call ahead.",
      };
      services.push(row);
      serviceRows.set(row.id, row);
      t.hours.forEach((h, k) => schedules.push({ id: id(`schedule:service:${row.id}:${k}`), serviceId: row.id, ...scheduleColumns(h) }));
      phones.push({ id: id(`phone:service:${row.id}`), serviceId: row.id, number: phone(), type: "voice" });
    });
  }
  const serviceList = [...serviceRows.values()];
  const templateOf = new Map(offerings.flatMap(([slug, templates]) => templates.map((t, i) => [id(`service:${slug}:${i}`), t] as const)));
  const totalSites = serviceList.reduce((sum, s) => sum + (templateOf.get(s.id)!.sites ?? 1), 0);
  const weightedService = () => {
    let r = random() * totalSites;
    for (const s of serviceList) if ((r -= templateOf.get(s.id)!.sites ?? 1) <= 0) return s;
    return serviceList[0];
  };

  for (let n = 0; n < serviceLocations && serviceList.length; n++) {
    // Every service at least once, then more sites for the ones that have many (pantries, meals).
    const service = n < serviceList.length ? serviceList[n] : weightedService();
    const p = place();
    const coords = point(p);
    const locationId = id(`location:${n}`);
    const org = [...organizations.values()].find((o) => o.id === service.organizationId)!;
    const street = address(p.city);
    const location = {
      id: locationId, coalitionId, organizationId: service.organizationId,
      name: `${pick(SITE_NAMES)}, ${street.replace(/^\d+ /, "")}${p.city === "Pueblo" ? "" : ` (${p.city})`}`,
      description: "", locationType: "physical", ...coords, address1: street, city: p.city, stateProvince: "CO",
      postalCode: pick(p.zips), visibility: random() < 0.05 ? ("COALITION" as const) : ("PUBLIC" as const), deletedAt: null,
    };
    locations.push(location);
    const salId = id(`sal:${n}`);
    sals.push({ id: salId, serviceId: service.id, locationId });
    const rules = templateOf.get(service.id)!.hours;
    assets.push(buildServiceLocationAsset({ salId, service, location, organizationName: org.name, schedules: rules, phone: (phones.find((ph) => ph.serviceId === service.id)?.number as string) ?? null, timeZone }));
  }

  for (let n = 0; n < informal; n++) {
    const t = INFORMAL_TEMPLATES[n % INFORMAL_TEMPLATES.length];
    const voucher = VOUCHERS[n % VOUCHERS.length];
    const org = organizations.get(voucher.organization);
    const p = place();
    const coords = point(p);
    assets.push({
      id: id(`informal:${n}`), coalitionId, organizationId: org?.id ?? null, kind: t.kind,
      visibility: n % 7 === 6 && t.kind === "PLACE" ? "PUBLIC" : "COALITION",
      name: `${t.name}${p.city === "Pueblo" ? "" : ` (${p.city})`}`, description: t.description, ...coords,
      address: `${address(p.city)}, ${p.city}`, postalCode: pick(p.zips), sdohCodes: t.codes, languages: t.languages ?? (random() < 0.5 ? ["en", "es"] : ["en"]),
      free: true, schedules: t.hours, timeZone,
      searchText: [t.name, t.description, p.city, voucher.name].join(" ").toLowerCase(),
      vouchedByUserId: users.get(voucher.email) ?? null, vouchedByName: voucher.name, vouchedByOrganization: org?.name ?? null,
      vouchNote: "Known to our staff and clients for years.", lastConfirmedAt: new Date(now - Math.floor(random() * 60) * 86_400_000),
    });
  }

  // The rainbow: each partner's areas are the categories its services address.
  const sdohAreas = offerings.flatMap(([slug, templates]) => {
    const codes = new Set(templates.flatMap((t) => t.codes));
    return [...codes].map((code) => ({ id: id(`area:${slug}:${code}`), organizationId: organizations.get(slug)!.id, code }));
  });

  return { services, locations, sals, schedules, phones, assets, sdohAreas };
}

function scheduleColumns(rule: ScheduleRule) {
  return { freq: rule.freq ?? "WEEKLY", byday: rule.byday ?? "", bymonthday: rule.bymonthday ?? null, opensAt: rule.opensAt ?? null, closesAt: rule.closesAt ?? null, timezone: rule.timezone ?? null };
}
