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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ROLE_GRANTS: Record<OrganizationRole, readonly Permission[]> = {
  DIRECTOR: [
    "org:read", "org:members:read", "org:members:invite", "org:members:manage", "coalition:read",
    "clients:read", "clients:write", "referrals:send", "referrals:receive", "directory:edit", "aims:enter", "wins:post", "audit:read",
    "conferences:join", "conferences:host", "referrals:flow", "webhooks:manage",
  ],
  CARE_MANAGER: ["org:read", "org:members:read", "coalition:read", "clients:read", "clients:write", "referrals:send", "referrals:receive", "wins:post", "conferences:join", "conferences:host"],
  STAFF: ["org:read", "org:members:read", "coalition:read", "referrals:receive", "wins:post", "conferences:join"],
  VIEWER: ["org:read", "coalition:read"],
};

const CONVENER_GRANTS: readonly Permission[] = ["coalition:read", "coalition:admin", "aims:admin", "referrals:flow"];

export function permissionsFor({ role, isConvener }: { role: OrganizationRole | null; isConvener: boolean }): Set<Permission> {
  const granted = new Set<Permission>(role ? ROLE_GRANTS[role] : []);
  if (isConvener) for (const p of CONVENER_GRANTS) granted.add(p);
  return granted;
}

/** Roles a director may give when inviting. */
export const INVITABLE_ROLES: readonly OrganizationRole[] = ORGANIZATION_ROLES;
