/**
 * The one Actor (ADR 073): who is acting, where, with which permissions, from which request.
 * Types only, so services, the guard and the session loader can all name it without a cycle.
 */
import type { OrganizationRole, Permission } from "~/utils/permissions";
import type { RequestMeta } from "~/utils/request.server";

export type OrganizationSummary = { id: string; name: string; slug: string; kind: string; role: OrganizationRole };

/** A loaded session: the raw material of an Actor (modules/auth/service.server.ts `loadAuthContext`). */
export type AuthContext = {
  sessionId: string;
  user: { id: string; email: string; name: string; preferredLocale: string | null };
  organizations: OrganizationSummary[];
  organization: OrganizationSummary | null;
  coalition: { id: string; name: string; slug: string } | null;
  isConvener: boolean;
  permissions: Set<Permission>;
};

/**
 * What an actor must have: a signed-in person (`user`), one with a current organization
 * (`organization`), one whose organization is in a coalition (`coalition`), or an organization's
 * API key (`apiKey`). Each narrows the same fields of the same type.
 */
export type ActorScope = "user" | "organization" | "coalition" | "apiKey";

type ActorFields = {
  /** How the caller proved who they are. */
  via: "session" | "apiKey";
  sessionId: string | null;
  userId: string | null;
  userName: string | null;
  userEmail: string | null;
  apiKeyId: string | null;
  organizationId: string | null;
  organizationName: string | null;
  organizationRole: OrganizationRole | null;
  /** Every organization the person belongs to (the switcher); an API key's one organization. */
  organizations: OrganizationSummary[];
  coalitionId: string | null;
  coalitionName: string | null;
  /** The coalitions the current organization is an active member of. */
  coalitionIds: string[];
  isConvener: boolean;
  /** What this actor may do here (an API key's permission is the key itself: none from roles). */
  permissions: ReadonlySet<Permission>;
  /** Who sent the request, for the audit trail. */
  request: RequestMeta;
};

type Person = { via: "session"; sessionId: string; userId: string; userName: string; userEmail: string; apiKeyId: null };
type Key = { via: "apiKey"; sessionId: null; userId: null; userName: null; userEmail: null; apiKeyId: string };
type InOrganization = { organizationId: string; organizationName: string };
type InCoalition = { coalitionId: string; coalitionName: string };
type Narrowed = {
  user: Person;
  organization: Person & InOrganization & { organizationRole: OrganizationRole };
  coalition: Person & InOrganization & { organizationRole: OrganizationRole } & InCoalition;
  apiKey: Key & InOrganization;
};

/**
 * The one actor every service takes. `Actor` is a signed-in person in a current organization;
 * `Actor<"coalition">` one whose organization is in a coalition; `Actor<"apiKey">` a partner
 * system; `Actor<ActorScope>` any of them (a service that serves people and API keys alike).
 */
export type Actor<S extends ActorScope = "organization"> = ActorFields & Narrowed[S];

/** Who reads a public resource: the ids that scope a read, a Pick of the one Actor, not another type. */
export type Caller = Pick<Actor<ActorScope>, "via" | "userId" | "apiKeyId" | "organizationId" | "coalitionId" | "coalitionIds">;
