/**
 * Demo seed data for Coalition Hub.
 *
 * A FICTIONAL community health coalition set in a real place: Pueblo County,
 * Colorado, USA. Every organization, person, email address, phone number and
 * website below is invented for demonstration purposes. Street names and ZIP
 * codes are real Pueblo County names used for realism only; the street numbers
 * and coordinates are approximate and do not identify any real organization.
 *
 * - Phone numbers use the fictional 719-555-01xx range.
 * - Email addresses use the reserved ".demo.test" domain.
 * - Websites use the reserved "example.org" domain.
 *
 * Plain data only: no runtime imports. Organization slugs are stable and are
 * used by the seed script as idempotency keys, so do not rename them.
 */

export type OrganizationKind =
  | "HOSPITAL" | "FQHC" | "PRIMARY_CARE" | "FOOD_BANK" | "HOUSING_AUTHORITY" | "LEGAL_AID"
  | "FAITH_CONGREGATION" | "YMCA" | "BEHAVIORAL_HEALTH" | "TRANSPORTATION" | "UTILITY_ASSISTANCE"
  | "SENIOR_SERVICES" | "NEIGHBORHOOD_GROUP" | "PUBLIC_HEALTH" | "SOCIAL_SERVICES" | "EDUCATION"
  | "COMMUNITY_BASED_ORGANIZATION" | "COALITION_BACKBONE" | "OTHER";

export interface DemoOrganization {
  slug: string; // kebab-case, unique, stable (used as idempotency key)
  name: string;
  kind: OrganizationKind;
  description: string; // 1-2 sentences, what they do, plain English
  email: string;
  phone: string;
  website: string | null;
  addressLine1: string;
  city: string;
  state: "CO";
  postalCode: string; // real Pueblo County ZIPs
  latitude: number;
  longitude: number;
}

export const demoCoalition: {
  slug: string;
  name: string;
  region: string;
  visionStatement: string;
  centerLatitude: number;
  centerLongitude: number;
  defaultZoom: number;
  timeZone: "America/Denver";
} = {
  slug: "pueblo-thrives",
  name: "Pueblo Thrives Health Coalition",
  region: "Pueblo County, Colorado",
  visionStatement:
    "Every household in Pueblo County, from the East Side to the Wet Mountain foothills, can get the food, housing, care and support it needs to live a healthy life. We get there by working together across organizations and sharing referrals, data and resources.",
  centerLatitude: 38.27,
  centerLongitude: -104.62,
  defaultZoom: 10,
  timeZone: "America/Denver",
};

export const demoOrganizations: DemoOrganization[] = [
  {
    slug: "coalition-office",
    name: "Pueblo Thrives Coalition Office",
    kind: "COALITION_BACKBONE",
    description:
      "The neutral backbone staff for the coalition. Convenes partners, runs shared meetings and keeps the referral network and shared data running.",
    email: "hello@coalition-office.demo.test",
    phone: "719-555-0100",
    website: "https://pueblo-thrives.example.org",
    addressLine1: "125 W 4th St, Suite 210",
    city: "Pueblo",
    state: "CO",
    postalCode: "81003",
    latitude: 38.2693,
    longitude: -104.6098,
  },
  {
    slug: "hospital",
    name: "Arkansas Valley General Hospital",
    kind: "HOSPITAL",
    description:
      "A regional hospital with emergency, inpatient and specialty care. Its care management team screens patients for social needs and refers them to community partners at discharge.",
    email: "community.health@hospital.demo.test",
    phone: "719-555-0101",
    website: "https://avgh.example.org",
    addressLine1: "2100 N Elizabeth St",
    city: "Pueblo",
    state: "CO",
    postalCode: "81003",
    latitude: 38.2886,
    longitude: -104.6152,
  },
  {
    slug: "fqhc",
    name: "Southern Colorado Family Health Center",
    kind: "FQHC",
    description:
      "A community health center offering medical, dental and behavioral health care on a sliding fee scale. Everyone is welcome, whether or not they have insurance.",
    email: "frontdesk@fqhc.demo.test",
    phone: "719-555-0102",
    website: "https://scfhc.example.org",
    addressLine1: "410 E Northern Ave",
    city: "Pueblo",
    state: "CO",
    postalCode: "81004",
    latitude: 38.2321,
    longitude: -104.6058,
  },
  {
    slug: "primary-care-mesa-junction",
    name: "Mesa Junction Family Medicine",
    kind: "PRIMARY_CARE",
    description:
      "An independent family medicine practice caring for children, adults and older adults. Offers same-day sick visits and help with Medicaid enrollment.",
    email: "office@primary-care-mesa-junction.demo.test",
    phone: "719-555-0103",
    website: "https://mesajunctionfamilymed.example.org",
    addressLine1: "220 Abriendo Ave",
    city: "Pueblo",
    state: "CO",
    postalCode: "81004",
    latitude: 38.2531,
    longitude: -104.6139,
  },
  {
    slug: "primary-care-colorado-city",
    name: "Cuerno Verde Family Practice",
    kind: "PRIMARY_CARE",
    description:
      "A small rural primary care clinic serving Colorado City, Rye and the surrounding foothills. Offers telehealth visits for patients who live far from town.",
    email: "clinic@primary-care-colorado-city.demo.test",
    phone: "719-555-0104",
    website: "https://cuernoverdefp.example.org",
    addressLine1: "4520 CO-165",
    city: "Colorado City",
    state: "CO",
    postalCode: "81019",
    latitude: 37.9447,
    longitude: -104.8412,
  },
  {
    slug: "foodbank",
    name: "Arkansas Valley Community Food Bank",
    kind: "FOOD_BANK",
    description:
      "Collects and distributes groceries through a warehouse pantry, mobile pantry stops and partner agencies across the county. Also helps families apply for SNAP.",
    email: "pantry@foodbank.demo.test",
    phone: "719-555-0105",
    website: "https://avfoodbank.example.org",
    addressLine1: "1315 E 4th St",
    city: "Pueblo",
    state: "CO",
    postalCode: "81001",
    latitude: 38.2748,
    longitude: -104.5883,
  },
  {
    slug: "housing-authority",
    name: "Steel City Housing Authority",
    kind: "HOUSING_AUTHORITY",
    description:
      "Manages affordable public housing and housing choice vouchers for low-income families, older adults and people with disabilities.",
    email: "applications@housing-authority.demo.test",
    phone: "719-555-0106",
    website: "https://steelcityhousing.example.org",
    addressLine1: "615 W 8th St",
    city: "Pueblo",
    state: "CO",
    postalCode: "81003",
    latitude: 38.2736,
    longitude: -104.6171,
  },
  {
    slug: "legal-aid",
    name: "Southern Colorado Legal Help Center",
    kind: "LEGAL_AID",
    description:
      "Free civil legal help for low-income residents, including eviction defense, public benefits appeals and family law. Runs a weekly walk-in clinic.",
    email: "intake@legal-aid.demo.test",
    phone: "719-555-0107",
    website: "https://solegalhelp.example.org",
    addressLine1: "215 S Union Ave",
    city: "Pueblo",
    state: "CO",
    postalCode: "81003",
    latitude: 38.2619,
    longitude: -104.6124,
  },
  {
    slug: "faith-beulah",
    name: "Beulah Valley Community Chapel",
    kind: "FAITH_CONGREGATION",
    description:
      "A small congregation that runs a monthly food share, a volunteer ride program and a welcome check-in for isolated neighbors in the Beulah valley.",
    email: "office@faith-beulah.demo.test",
    phone: "719-555-0108",
    website: null,
    addressLine1: "8870 Pennsylvania Ave",
    city: "Beulah",
    state: "CO",
    postalCode: "81023",
    latitude: 38.0779,
    longitude: -104.9836,
  },
  {
    slug: "ymca",
    name: "Fountain Creek Family YMCA",
    kind: "YMCA",
    description:
      "A family fitness and youth center offering swim lessons, after-school care, a diabetes prevention program and reduced-cost memberships.",
    email: "welcome@ymca.demo.test",
    phone: "719-555-0109",
    website: "https://fountaincreeky.example.org",
    addressLine1: "1850 Prairie Ave",
    city: "Pueblo",
    state: "CO",
    postalCode: "81004",
    latitude: 38.2352,
    longitude: -104.6392,
  },
  {
    slug: "behavioral-health",
    name: "Sangre Valley Behavioral Health",
    kind: "BEHAVIORAL_HEALTH",
    description:
      "Outpatient mental health and substance use treatment for all ages, with a walk-in crisis line and peer recovery coaches.",
    email: "access@behavioral-health.demo.test",
    phone: "719-555-0110",
    website: "https://sangrevalleybh.example.org",
    addressLine1: "1600 W 24th St",
    city: "Pueblo",
    state: "CO",
    postalCode: "81003",
    latitude: 38.2902,
    longitude: -104.6301,
  },
  {
    slug: "transportation",
    name: "Pueblo County Rides Cooperative",
    kind: "TRANSPORTATION",
    description:
      "Door-to-door rides to medical appointments, pharmacies and grocery stores for older adults, people with disabilities and rural residents. Rides must be booked in advance.",
    email: "dispatch@transportation.demo.test",
    phone: "719-555-0111",
    website: "https://pueblorides.example.org",
    addressLine1: "3000 N Pueblo Blvd",
    city: "Pueblo",
    state: "CO",
    postalCode: "81008",
    latitude: 38.3041,
    longitude: -104.6418,
  },
  {
    slug: "utility-assistance",
    name: "Front Range Energy Assistance Fund",
    kind: "UTILITY_ASSISTANCE",
    description:
      "Helps households pay overdue electric, gas and water bills and avoid shutoffs. Also offers free home weatherization for eligible homeowners and renters.",
    email: "help@utility-assistance.demo.test",
    phone: "719-555-0112",
    website: "https://frenergyfund.example.org",
    addressLine1: "712 N Santa Fe Ave",
    city: "Pueblo",
    state: "CO",
    postalCode: "81003",
    latitude: 38.2738,
    longitude: -104.6052,
  },
  {
    slug: "senior-services",
    name: "Wet Mountain Foothills Senior Services",
    kind: "SENIOR_SERVICES",
    description:
      "Congregate and home-delivered meals, caregiver support and friendly visitor calls for older adults in Rye, Colorado City and Beulah.",
    email: "info@senior-services.demo.test",
    phone: "719-555-0113",
    website: "https://wetmountainseniors.example.org",
    addressLine1: "2020 Main St",
    city: "Rye",
    state: "CO",
    postalCode: "81069",
    latitude: 37.9213,
    longitude: -104.9308,
  },
  {
    slug: "neighborhood-boone",
    name: "Boone and Avondale Neighbors Network",
    kind: "NEIGHBORHOOD_GROUP",
    description:
      "A volunteer neighborhood group in eastern Pueblo County that organizes check-ins on neighbors, a seasonal produce swap and rides to town.",
    email: "neighbors@neighborhood-boone.demo.test",
    phone: "719-555-0114",
    website: null,
    addressLine1: "412 Main St",
    city: "Boone",
    state: "CO",
    postalCode: "81025",
    latitude: 38.2492,
    longitude: -104.2571,
  },
  {
    slug: "public-health",
    name: "Southern Plains Public Health District",
    kind: "PUBLIC_HEALTH",
    description:
      "The local public health agency for the demo region. Offers immunizations, WIC nutrition support, disease prevention and community health data.",
    email: "info@public-health.demo.test",
    phone: "719-555-0115",
    website: "https://southernplainsph.example.org",
    addressLine1: "101 W 9th St",
    city: "Pueblo",
    state: "CO",
    postalCode: "81003",
    latitude: 38.2746,
    longitude: -104.6103,
  },
  {
    slug: "community-action",
    name: "Arkansas Valley Community Action Partnership",
    kind: "SOCIAL_SERVICES",
    description:
      "A community action agency offering emergency rent help, case management, free tax preparation and job readiness classes.",
    email: "services@community-action.demo.test",
    phone: "719-555-0116",
    website: "https://avcap.example.org",
    addressLine1: "2631 Lake Ave",
    city: "Pueblo",
    state: "CO",
    postalCode: "81004",
    latitude: 38.2279,
    longitude: -104.6262,
  },
  {
    slug: "family-resource-center",
    name: "River Valley Schools Family Resource Center",
    kind: "EDUCATION",
    description:
      "A school-based family resource center that connects students and their families to food, clothing, health insurance enrollment and parenting classes.",
    email: "frc@family-resource-center.demo.test",
    phone: "719-555-0117",
    website: "https://rivervalleyfrc.example.org",
    addressLine1: "2250 US Highway 50 E",
    city: "Avondale",
    state: "CO",
    postalCode: "81022",
    latitude: 38.2379,
    longitude: -104.3486,
  },
  {
    slug: "veterans-peer-group",
    name: "Southern Colorado Veterans Peer Circle",
    kind: "COMMUNITY_BASED_ORGANIZATION",
    description:
      "A veteran-led peer support group that meets weekly and helps veterans and their families navigate VA benefits, housing and mental health care.",
    email: "connect@veterans-peer-group.demo.test",
    phone: "719-555-0118",
    website: "https://scvetspeercircle.example.org",
    addressLine1: "450 S Purcell Blvd",
    city: "Pueblo West",
    state: "CO",
    postalCode: "81007",
    latitude: 38.3372,
    longitude: -104.7062,
  },
  {
    slug: "latino-community",
    name: "La Comunidad Unida de Pueblo",
    kind: "COMMUNITY_BASED_ORGANIZATION",
    description:
      "A bilingual community organization offering promotoras de salud, immigration and benefits navigation, and English and citizenship classes. Servicios en español.",
    email: "info@latino-community.demo.test",
    phone: "719-555-0119",
    website: "https://comunidadunida.example.org",
    addressLine1: "915 E Northern Ave",
    city: "Pueblo",
    state: "CO",
    postalCode: "81004",
    latitude: 38.2324,
    longitude: -104.5979,
  },
];

export interface DemoUser {
  email: string;
  name: string;
  memberships: {
    organizationSlug: string;
    role: "DIRECTOR" | "CARE_MANAGER" | "STAFF" | "VIEWER";
  }[];
  convener?: boolean;
  preferredLocale?: "en" | "es";
}

export const demoUsers: DemoUser[] = [
  {
    email: "convener@demo.test",
    name: "Maria Delgado-Reyes",
    convener: true,
    preferredLocale: "en",
    memberships: [{ organizationSlug: "coalition-office", role: "DIRECTOR" }],
  },
  {
    email: "director@hospital.demo.test",
    name: "Daniel Whitfield",
    memberships: [{ organizationSlug: "hospital", role: "DIRECTOR" }],
  },
  {
    email: "care.manager@hospital.demo.test",
    name: "Priya Raman",
    memberships: [{ organizationSlug: "hospital", role: "CARE_MANAGER" }],
  },
  {
    // Two more care managers of the hospital's enhanced care program (issue #15): three caseloads side by side on the supervision view.
    email: "care.manager.2@hospital.demo.test",
    name: "Marcus Whitehorse",
    memberships: [{ organizationSlug: "hospital", role: "CARE_MANAGER" }],
  },
  {
    email: "care.manager.3@hospital.demo.test",
    name: "Lucía Benavides",
    preferredLocale: "es",
    memberships: [{ organizationSlug: "hospital", role: "CARE_MANAGER" }],
  },
  {
    email: "director@foodbank.demo.test",
    name: "Teresa Montoya",
    memberships: [{ organizationSlug: "foodbank", role: "DIRECTOR" }],
  },
  {
    email: "care.manager@foodbank.demo.test",
    name: "Luis Archuleta",
    preferredLocale: "es",
    memberships: [{ organizationSlug: "foodbank", role: "CARE_MANAGER" }],
  },
  {
    // Belongs to two organizations to demo the organization switcher.
    email: "multi.org@demo.test",
    name: "Jordan Baca",
    memberships: [
      { organizationSlug: "fqhc", role: "CARE_MANAGER" },
      { organizationSlug: "hospital", role: "STAFF" },
    ],
  },
  {
    email: "director@fqhc.demo.test",
    name: "Angela Martinez",
    memberships: [{ organizationSlug: "fqhc", role: "DIRECTOR" }],
  },
  {
    email: "director@housing-authority.demo.test",
    name: "Robert Kessler",
    memberships: [{ organizationSlug: "housing-authority", role: "DIRECTOR" }],
  },
  {
    email: "director@legal-aid.demo.test",
    name: "Hannah Greene",
    memberships: [{ organizationSlug: "legal-aid", role: "DIRECTOR" }],
  },
  {
    email: "care.manager@behavioral-health.demo.test",
    name: "Sam Lucero",
    memberships: [{ organizationSlug: "behavioral-health", role: "CARE_MANAGER" }],
  },
  {
    email: "director@latino-community.demo.test",
    name: "Rosa Trujillo",
    preferredLocale: "es",
    memberships: [{ organizationSlug: "latino-community", role: "DIRECTOR" }],
  },
  {
    email: "director@senior-services.demo.test",
    name: "Gary Hollister",
    memberships: [{ organizationSlug: "senior-services", role: "DIRECTOR" }],
  },
  {
    email: "staff@public-health.demo.test",
    name: "Nadia Chavez",
    memberships: [{ organizationSlug: "public-health", role: "STAFF" }],
  },
  {
    email: "director@veterans-peer-group.demo.test",
    name: "Marcus Romero",
    memberships: [{ organizationSlug: "veterans-peer-group", role: "DIRECTOR" }],
  },
  {
    email: "viewer@coalition-office.demo.test",
    name: "Evelyn Park",
    memberships: [{ organizationSlug: "coalition-office", role: "VIEWER" }],
  },
];
