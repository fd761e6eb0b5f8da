/**
 * Who may do what. Deny by default: a permission not granted here is refused.
 * Organization permissions come from the user's role in the current organization; coalition
 * permissions from a coalition role (convener). Shared by server checks and the UI (to hide what a
 * person cannot use), but only the server's check protects anything.
 */
export const ORGANIZATION_ROLES = ["DIRECTOR", "CARE_MANAGER", "STAFF", "VIEWER"] as const;
export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number];

export const PERMISSIONS = [
  "org:read",
  "org:members:read",
  "org:members:invite",
  "org:members:manage",
  "coalition:read",
  "coalition:admin",
  "clients:read",
  "clients:write",
  "referrals:send",
  "referrals:receive",
  "referrals:flow",
  "webhooks:manage",
  "directory:edit",
  "aims:enter",
  "aims:admin",
  "wins:post",
  "audit:read",
  "conferences:join",
  "conferences:host",
  "care:read",
  "care:write",
  "care:assign",
  /** The director's supervision view: every care manager's caseload side by side (ADR 097). */
  "care:supervise",
  /** The coalition's privacy lead (its conveners): counts of identifiers the check missed, never the words (ADR 092). */
  "privacy:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_GRANTS: Record<OrganizationRole, readonly Permission[]> = {
  DIRECTOR: [
    "org:read", "org:members:read", "org:members:invite", "org:members:manage", "coalition:read",
    "clients:read", "clients:write", "referrals:send", "referrals:receive", "directory:edit", "aims:enter", "wins:post", "audit:read",
    "conferences:join", "conferences:host", "referrals:flow", "webhooks:manage",
    "care:read", "care:write", "care:assign", "care:supervise",
  ],
  CARE_MANAGER: ["org:read", "org:members:read", "coalition:read", "clients:read", "clients:write", "referrals:send", "referrals:receive", "wins:post", "conferences:join", "conferences:host", "care:read", "care:write"],
  STAFF: ["org:read", "org:members:read", "coalition:read", "referrals:receive", "wins:post", "conferences:join"],
  VIEWER: ["org:read", "coalition:read"],
};

const CONVENER_GRANTS: readonly Permission[] = ["coalition:read", "coalition:admin", "aims:admin", "referrals:flow", "privacy:read"];

export function permissionsFor({ role, isConvener }: { role: OrganizationRole | null; isConvener: boolean }): Set<Permission> {
  const granted = new Set<Permission>(role ? ROLE_GRANTS[role] : []);
  if (isConvener) for (const p of CONVENER_GRANTS) granted.add(p);
  return granted;
}

/** Roles a director may give when inviting. */
export const INVITABLE_ROLES: readonly OrganizationRole[] = ORGANIZATION_ROLES;

/**
 * What a page's loader demands before it answers: one permission (or any of several), and whether
 * the person needs a current organization and/or a coalition (requireOrganization /
 * requireCoalition). The navigation shows an entry only when `canOpen` says yes, and
 * tests/integration/nav-permissions.test.ts runs every entry's loader for every role to prove the
 * two never drift apart.
 */
export type PageRequirement = { anyOf: readonly Permission[]; organization?: boolean; coalition?: boolean };

export type NavEntry = { to: string; key: string; requires: PageRequirement | null };

/** The main navigation, in order: each entry names what its page's loader requires. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: "/home", key: "nav.home", requires: null },
  { to: "/map", key: "nav.map", requires: { anyOf: ["coalition:read"], coalition: true } },
  // The inbox; someone who can only send is sent on to the outbox.
  { to: "/referrals", key: "nav.referrals", requires: { anyOf: ["referrals:receive", "referrals:send"], organization: true } },
  { to: "/clients", key: "nav.clients", requires: { anyOf: ["clients:read"], organization: true } },
  { to: "/caseload", key: "care.nav.caseload", requires: { anyOf: ["care:read"], organization: true } },
  { to: "/caseload/supervision", key: "careContacts.nav.supervision", requires: { anyOf: ["care:supervise"], organization: true } },
  // A partner's own next steps on shared care plans (ADR 101).
  { to: "/care-steps", key: "careLive.nav.tasks", requires: { anyOf: ["care:read"], organization: true } },
  { to: "/conferences", key: "nav.conferences", requires: { anyOf: ["conferences:join"], organization: true, coalition: true } },
  { to: "/aims", key: "nav.aims", requires: { anyOf: ["coalition:read"], coalition: true } },
  { to: "/partners", key: "nav.partners", requires: { anyOf: ["coalition:read"], coalition: true } },
  { to: "/organization/people", key: "nav.people", requires: { anyOf: ["org:members:invite"], organization: true } },
  { to: "/audit", key: "consent.nav.audit", requires: { anyOf: ["audit:read"], organization: true } },
  { to: "/organization/api-keys", key: "nav.apiKeys", requires: { anyOf: ["org:members:manage"], organization: true } },
  { to: "/organization/webhooks", key: "webhooks.nav", requires: { anyOf: ["webhooks:manage"], organization: true } },
  { to: "/organization/pathways", key: "pathways.nav", requires: { anyOf: ["directory:edit"], organization: true } },
  { to: "/coalition/settings", key: "nav.coalitionSettings", requires: { anyOf: ["coalition:admin"], coalition: true } },
  { to: "/coalition/privacy", key: "nav.privacy", requires: { anyOf: ["privacy:read"], coalition: true } },
];

export type PageAccess = { permissions: ReadonlySet<Permission>; organization: boolean; coalition: boolean };

export function canOpen(requires: PageRequirement | null, access: PageAccess): boolean {
  if (!requires) return true;
  if (requires.organization && !access.organization) return false;
  if (requires.coalition && !access.coalition) return false;
  return requires.anyOf.some((p) => access.permissions.has(p));
}

/** The `to` of every navigation entry this person can open. */
export function navFor(access: PageAccess): string[] {
  return NAV_ENTRIES.filter((e) => canOpen(e.requires, access)).map((e) => e.to);
}
