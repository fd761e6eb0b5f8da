/**
 * Before fuzzing, the suite walks the seeded demo as each role, like a person clicking through:
 * every page without parameters, then the pages its links lead to. From what it sees it keeps
 *   - real values for route parameters (a conference id, a client id…), so a bad search
 *     parameter or form field reaches the code behind the id check;
 *   - the forms each page renders (the baseline submissions the fuzzer then breaks);
 *   - the search parameter names and values the hub's own links use (e.g. FHIR `_cursor`).
 */
import { extractForms, type PageForm } from "./forms";
import type { FuzzClient, Role } from "./client";
import { patternRegExp, type FuzzRoute } from "./routes";

export type SeenForm = { role: Role; page: string; form: PageForm };

export type CrawlResult = {
  /** Route id → concrete parameter sets seen in links (values as they appear in the URL). */
  params: Map<string, Record<string, string>[]>;
  /** Route id of the action → forms that post to it. */
  forms: Map<string, SeenForm[]>;
  /** Route id → search parameter name → values the hub's links use. */
  query: Map<string, Map<string, Set<string>>>;
  /** Route id → names of roles that got a 2xx from its loader. */
  okRoles: Map<string, Set<string>>;
  /** Route id → names of roles its loader let in (not 401/403, not sent to sign in), even if it answered 400/404. */
  reached: Map<string, Set<string>>;
  routeById: Map<string, FuzzRoute>;
  pages: number;
};

/** Routes with a URL of their own (pathless layouts and the root are exercised through every page). */
export const addressable = (r: FuzzRoute) => r.index || !!r.path;

function specificity(r: FuzzRoute): number {
  const segments = r.pattern.split("/").filter(Boolean);
  return segments.reduce((n, s) => n + (s === "*" ? -100 : s.startsWith(":") ? 1 : 10), 0);
}

/** The route that serves a concrete pathname (Remix's ranking, simplified: static beats dynamic beats splat). */
export function routeFor(routes: FuzzRoute[], pathname: string, { index, needAction = false }: { index?: boolean; needAction?: boolean } = {}): { route: FuzzRoute; values: Record<string, string> } | null {
  let best: { route: FuzzRoute; values: Record<string, string>; score: number } | null = null;
  for (const route of routes) {
    if (!addressable(route) || (needAction && !route.hasAction)) continue;
    const m = patternRegExp(route.pattern).exec(pathname.replace(/\/$/, "") || "/");
    if (!m) continue;
    const values = Object.fromEntries(route.params.map((p, i) => [p, m[i + 1]]));
    let score = specificity(route);
    if (index !== undefined && route.index === index) score += 5;
    if (!best || score > best.score) best = { route, values, score };
  }
  return best && { route: best.route, values: best.values };
}

const LINK = /(?:href|action|src)="([^"]+)"|"(\/[^"\s]{0,500}|https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?\/[^"\s]{0,500})"/g;

export async function crawl(client: FuzzClient, routes: FuzzRoute[], roles: Role[], { perRoute = 2, maxPages = 400 } = {}): Promise<CrawlResult> {
  const result: CrawlResult = { params: new Map(), forms: new Map(), query: new Map(), okRoles: new Map(), reached: new Map(), routeById: new Map(routes.map((r) => [r.id, r])), pages: 0 };
  const queue: { role: Role; path: string }[] = [];
  const queued = new Set<string>();
  const fetchedPerRoute = new Map<string, number>();
  const enqueue = (role: Role, path: string) => {
    const key = `${role.name} ${path}`;
    if (queued.has(key)) return;
    queued.add(key);
    queue.push({ role, path });
  };
  for (const route of routes) {
    if (!addressable(route) || !route.hasLoader || route.params.length) continue;
    for (const role of roles) enqueue(role, route.pattern);
  }
  const formKeys = new Set<string>();
  while (queue.length && result.pages < maxPages) {
    const { role, path } = queue.shift()!;
    const url = new URL(path, client.baseURL);
    const served = routeFor(routes, url.pathname);
    if (!served) continue;
    const res = await client.send({ routeId: served.route.id, method: "GET", path, role, note: "crawl" }, { readBody: true });
    result.pages++;
    const toSignIn = res && res.status >= 300 && res.status < 400 && /\/login/.test(res.headers.get("location") ?? "");
    if (res && res.status < 500 && res.status !== 401 && res.status !== 403 && !toSignIn) {
      if (!result.reached.has(served.route.id)) result.reached.set(served.route.id, new Set());
      result.reached.get(served.route.id)!.add(role.name);
    }
    if (!res || res.status < 200 || res.status >= 300) continue;
    if (!result.okRoles.has(served.route.id)) result.okRoles.set(served.route.id, new Set());
    result.okRoles.get(served.route.id)!.add(role.name);
    const type = res.headers.get("content-type") ?? "";
    if (!/html|json/.test(type) || res.text.length > 4_000_000) continue;

    if (type.includes("html")) {
      for (const form of extractForms(res.text, url.pathname + url.search)) {
        const target = new URL(form.action, client.baseURL);
        const owner = routeFor(routes, target.pathname, { index: target.searchParams.has("index"), needAction: true });
        if (!owner) continue;
        const key = `${owner.route.id} ${role.name} ${form.submits.map((s) => s.value).join(",")} ${form.fields.map((f) => f.name).join(",")}`;
        if (formKeys.has(key)) continue;
        formKeys.add(key);
        if (!result.forms.has(owner.route.id)) result.forms.set(owner.route.id, []);
        result.forms.get(owner.route.id)!.push({ role, page: url.pathname + url.search, form });
      }
    }
    for (const m of res.text.matchAll(LINK)) {
      let link: URL;
      try {
        link = new URL((m[1] ?? m[2]).replace(/&amp;/g, "&"), url);
      } catch {
        continue;
      }
      if (link.origin !== new URL(client.baseURL).origin && !/^https?:\/\/(?:localhost|127\.0\.0\.1)/.test(link.href)) continue;
      if (link.pathname.startsWith("/assets/") || /\.(?:css|js|png|svg|ico|woff2?)$/.test(link.pathname)) continue;
      const target = routeFor(routes, link.pathname);
      if (!target) continue;
      const { route, values } = target;
      for (const [name, value] of link.searchParams) {
        if (!result.query.has(route.id)) result.query.set(route.id, new Map());
        const names = result.query.get(route.id)!;
        if (!names.has(name)) names.set(name, new Set());
        if (names.get(name)!.size < 5) names.get(name)!.add(value);
      }
      if (!route.params.length || route.params.includes("*")) continue;
      const known = result.params.get(route.id) ?? [];
      if (!known.some((k) => route.params.every((p) => k[p] === values[p]))) {
        known.push(values);
        result.params.set(route.id, known);
      }
      const fetchedKey = `${route.id} ${role.name}`;
      if (route.hasLoader && (fetchedPerRoute.get(fetchedKey) ?? 0) < perRoute && !queued.has(`${role.name} ${link.pathname}`)) {
        fetchedPerRoute.set(fetchedKey, (fetchedPerRoute.get(fetchedKey) ?? 0) + 1);
        enqueue(role, link.pathname + link.search);
      }
    }
  }
  return result;
}
