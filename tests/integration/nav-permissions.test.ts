/**
 * The navigation offers exactly the pages a person can open (issue 14, defect 8: the hospital's
 * staff saw Clients, which answered 403). For every kind of person (each role, a convener, two
 * organizations with the second one current, no coalition, no organization) the shell's loader
 * gives the navigation, and every entry's own loader is run: a shown entry must answer 200 (after
 * at most one redirect), a hidden one 403. The route of each entry is found from the route files,
 * so a new entry without a page fails too.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NAV_ENTRIES, ORGANIZATION_ROLES, type OrganizationRole } from "~/utils/permissions";
import { switchOrganization, loadAuthContext } from "~/modules/auth/service.server";
import * as shellModule from "~/routes/_app";
import { createCoalition, createOrganization, createUser } from "../factories";
import { settle, signedInRequester } from "../helpers";
import { actorFromContext } from "~/modules/auth/guard.server";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const shell = withHttpErrors(shellModule);

type RouteModule = { loader?: (args: unknown) => Promise<unknown> };
const ROUTE_MODULES = import.meta.glob<RouteModule>("../../app/routes/_app.*.tsx");

/** "_app.referrals._index" → "/referrals", "_app.map_.coverage" → "/map/coverage". */
const urlOf = (file: string) => `/${file.split(".").filter((s) => s !== "_app" && s !== "_index").map((s) => s.replace(/_$/, "")).join("/")}`;
const ROUTE_BY_URL = new Map(Object.entries(ROUTE_MODULES).filter(([key]) => !path.basename(key).includes("$")).map(([key, load]) => [urlOf(path.basename(key, ".tsx")), load]));

type Person = { label: string; email: string; switchTo?: string };

async function status(requester: Awaited<ReturnType<typeof signedInRequester>>, url: string, hops = 0): Promise<number> {
  const load = ROUTE_BY_URL.get(url);
  if (!load) throw new Error(`no page for ${url}`);
  const { loader } = await load();
  const result = await settle(() => loader!({ request: requester.get(url), params: {}, context: {} }));
  if (result.status >= 300 && result.status < 400 && hops === 0) return status(requester, new URL(result.headers.get("location")!, "http://localhost").pathname, 1);
  return result.status;
}

describe("the navigation follows the pages' permissions", () => {
  const people: Person[] = [];
  beforeAll(async () => {
    const coalition = await createCoalition();
    const org = await createOrganization({ coalitionId: coalition.id, name: "Nav Org" });
    const other = await createOrganization({ coalitionId: coalition.id, name: "Nav Other" });
    const alone = await createOrganization({ name: "Not in a coalition" });
    const add = async (label: string, memberships: { organizationId: string; role: OrganizationRole }[], convener = false) => {
      const user = await createUser({ name: label, memberships, convenerOf: convener ? [coalition.id] : [] });
      people.push({ label, email: user.email });
      return user;
    };
    for (const role of ORGANIZATION_ROLES) await add(role, [{ organizationId: org.id, role }]);
    for (const role of ["DIRECTOR", "STAFF", "VIEWER"] as const) await add(`convener (${role})`, [{ organizationId: org.id, role }], true);
    for (const role of ["DIRECTOR", "STAFF"] as const) await add(`${role} without a coalition`, [{ organizationId: alone.id, role }]);
    await add("no organization", []);
    // The reported case: care manager in one organization, staff in the current one.
    const multi = await add("care manager elsewhere, STAFF here", [{ organizationId: other.id, role: "CARE_MANAGER" }, { organizationId: org.id, role: "STAFF" }]);
    people.push({ label: "care manager elsewhere, STAFF here (switched)", email: multi.email, switchTo: org.id });
  });

  it("every entry has a page", () => {
    for (const entry of NAV_ENTRIES) expect(ROUTE_BY_URL.has(entry.to), entry.to).toBe(true);
  });

  it("shows every entry whose page opens and hides every entry whose page answers 403", async () => {
    const table: string[] = [];
    for (const person of people) {
      const requester = await signedInRequester(person.email);
      if (person.switchTo) {
        await switchOrganization({ actor: actorFromContext((await loadAuthContext(requester.sessionId))!, {}), organizationId: person.switchTo });
        expect((await loadAuthContext(requester.sessionId))!.organization?.role).toBe("STAFF");
      }
      const shellData = (await settle(() => shell.loader({ request: requester.get("/home"), params: {}, context: {} }))).body as { user: { nav: string[] } };
      const shown = shellData.user.nav;
      for (const entry of NAV_ENTRIES) {
        const answer = await status(requester, entry.to);
        expect([200, 403], `${person.label} ${entry.to}`).toContain(answer);
        table.push(`${person.label} ${entry.to}: ${shown.includes(entry.to) ? "shown" : "hidden"}, page ${answer}`);
        expect(shown.includes(entry.to), `${person.label} ${entry.to}: page answers ${answer}`).toBe(answer === 200);
      }
    }
    // The reported case, by name.
    expect(table).toContain("care manager elsewhere, STAFF here (switched) /clients: hidden, page 403");
    // ~13 people × every nav entry's real loader: minutes on a loaded 2-core machine, not a speed claim.
  }, 180_000);
});
