/**
 * The requests for one route: a fixed hostile list (deterministic, one bad thing at a time, so
 * a NUL in one field is not hidden behind another field's 400) followed by fast-check runs that
 * combine several bad things. Every request is built here; the test only sends them.
 */
import fc from "fast-check";
import { baselines, kindOf, plausible, type FormField } from "./forms";
import { BODY_SHAPES, CLASSES, HOSTILE_PARAMS, MB, classesFor, deepJson, hostileValue, nameFrom, paramValue, type ValueClass } from "./inputs";
import type { FuzzRequest, Role } from "./client";
import type { CrawlResult } from "./crawl";
import { fillPattern, type FuzzRoute } from "./routes";

export type Plan = {
  seed: number;
  runs: number;
  full: boolean;
  roles: Role[];
  defaultRole: Role;
  /** Credentials a sign-in form is filled with (an account the roles do not use, so wrong passwords lock out nobody the suite needs). */
  signIn: { email: string; password: string };
};

type Variant = "doc" | "data" | "legacy";

/** Seeds per route and method: adding a route does not change the cases of the others. */
export function seedFor(base: number, key: string): number {
  let h = 0x811c9dc5;
  for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return (h ^ base) | 0;
}

/** Percent-encodes any string (lone surrogates become U+FFFD, as a browser would send them). */
export function pct(s: string): string {
  return encodeURIComponent(Buffer.from(s, "utf8").toString("utf8"));
}

function urlFor(route: FuzzRoute, params: Record<string, string>, query: [string, string][], variant: Variant, method: "GET" | "POST"): string {
  let path = fillPattern(route.pattern, params);
  if (variant === "data") path = path === "/" ? "/_root.data" : `${path}.data`;
  const search = query.map(([n, v]) => `${pct(n)}=${pct(v)}`);
  if (method === "POST" && route.index) search.unshift("index");
  if (variant === "legacy") search.push(`_data=${pct(route.id)}`);
  return search.length ? `${path}?${search.join("&")}` : path;
}

function validParams(route: FuzzRoute, crawl: CrawlResult): Record<string, string> {
  const seen = crawl.params.get(route.id)?.[0];
  return Object.fromEntries(route.params.map((p) => [p, seen?.[p] ?? (p === "*" ? "some/where" : HOSTILE_PARAMS[1].value)]));
}

/**
 * The role the fixed cases are sent as: one the route let in during the crawl (a 2xx first), else
 * one let into the nearest route above it (`/api/fhir/r4/Consent` for `/api/fhir/r4/Consent/:id`).
 */
function roleFor(route: FuzzRoute, crawl: CrawlResult, plan: Plan): Role {
  const pick = (names?: Set<string>) => (names?.size ? (plan.roles.find((r) => r.email && names.has(r.name)) ?? plan.roles.find((r) => names.has(r.name))) : undefined);
  const own = pick(crawl.okRoles.get(route.id)) ?? pick(crawl.reached.get(route.id));
  if (own) return own;
  const segments = route.pattern.split("/");
  for (let n = segments.length - 1; n > 1; n--) {
    const prefix = segments.slice(0, n).join("/");
    for (const [id, names] of [...crawl.okRoles, ...crawl.reached]) {
      const other = crawl.routeById.get(id);
      if (other && other.pattern === prefix && pick(names)) return pick(names)!;
    }
  }
  return plan.defaultRole;
}

function queryNames(route: FuzzRoute, crawl: CrawlResult): string[] {
  const fromLinks = [...(crawl.query.get(route.id)?.keys() ?? [])];
  return [...new Set([...fromLinks, ...route.names])].filter((n) => n !== "index" && n !== "_data");
}

/** Alternates document and `.data` requests (and, for loaders, the legacy `?_data=` protocol). */
const variantAt = (i: number, method: "GET" | "POST"): Variant => (method === "GET" ? (["doc", "data", "doc", "legacy"] as const)[i % 4] : i % 2 ? "data" : "doc");

export function loaderCases(route: FuzzRoute, crawl: CrawlResult, plan: Plan): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const role = roleFor(route, crawl, plan);
  const valid = validParams(route, crawl);
  const anon = plan.roles.find((r) => !r.email && !r.authorization);
  const add = (params: Record<string, string>, query: [string, string][], variant: Variant, note: string, who = role) =>
    out.push({ routeId: route.id, method: "GET", path: urlFor(route, params, query, variant, "GET"), role: who, note });

  // Route parameters, one at a time, the others valid.
  const paramValues = plan.full ? HOSTILE_PARAMS : HOSTILE_PARAMS.slice(0, 4);
  for (const p of route.params) {
    paramValues.forEach((h, i) => add({ ...valid, [p]: h.value }, [], plan.full ? variantAt(i, "GET") : "doc", `param ${p} = ${h.label}`));
    add({ ...valid, [p]: HOSTILE_PARAMS[0].value }, [], "data", `param ${p} = not a uuid (.data)`);
    if (anon) add({ ...valid, [p]: HOSTILE_PARAMS[0].value }, [], "doc", `param ${p} = not a uuid (anonymous)`, anon);
  }

  // Search parameters the route reads, one at a time, with values chosen by the kind of name.
  const names = queryNames(route, crawl);
  const rounds: [string, ValueClass][][] = [];
  for (const name of names) {
    classesFor(kindOf(name, "", crawl.query.get(route.id)?.get(name)?.values().next().value ?? ""), plan.full).forEach((c, i) => (rounds[i] ??= []).push([name, c]));
  }
  const pairs = rounds.flat();
  const cap = plan.full ? Infinity : 18;
  pairs.slice(0, cap).forEach(([name, c], i) => add(valid, [[name, CLASSES[c]]], variantAt(i, "GET"), `query ${name} = ${c}`));
  // Values the hub's own links carry (cursors, filters), tampered with.
  for (const [name, values] of crawl.query.get(route.id) ?? []) {
    const value = [...values][0];
    if (value && value.length > 3) add(valid, [[name, tamper(value)]], "doc", `query ${name} = its own link value, tampered`);
  }
  const first = names[0] ?? "q";
  if (plan.full) add(valid, [[first, "z".repeat(8_000)]], "doc", `query ${first} = 8 KB`);
  add(valid, [[first, "z".repeat(MB)]], "doc", `query ${first} = 1 MB`);
  add(valid, [["\u0000", "\u0000"], ["a[b][c]", "1"], ["__proto__", "x"]], "doc", "query: NUL and prototype names");

  // Random runs: several bad things at once, any role, any protocol.
  const arb = fc.record({
    role: fc.constantFrom(...plan.roles),
    variant: fc.constantFrom<Variant>("doc", "doc", "data", "legacy"),
    params: fc.tuple(...route.params.map(() => fc.option(paramValue, { freq: 2 }))),
    query: fc.array(fc.tuple(nameFrom(names), hostileValue), { maxLength: 4 }),
  });
  for (const c of fc.sample(arb, { seed: seedFor(plan.seed, `GET ${route.id}`), numRuns: plan.runs })) {
    const params = Object.fromEntries(route.params.map((p, i) => [p, c.params[i] ?? valid[p]]));
    out.push({ routeId: route.id, method: "GET", path: urlFor(route, params, c.query, c.variant, "GET"), role: c.role, note: "random" });
  }
  return out;
}

/** A value from the hub's own links, made wrong in a way a crafted request would be. */
function tamper(value: string): string {
  const mid = Math.floor(value.length / 2);
  return value.slice(0, mid) + (value[mid] === "A" ? "B" : "A") + value.slice(mid + 1) + "==\u0000";
}

type Baseline = { role: Role; entries: [string, string][]; fields: FormField[]; multipart: boolean; intent: string; synthetic: boolean; json: boolean };

function formBaselines(route: FuzzRoute, crawl: CrawlResult, plan: Plan): Baseline[] {
  const out: Baseline[] = [];
  const seen = new Set<string>();
  for (const { role, form } of crawl.forms.get(route.id) ?? []) {
    const names = new Set(form.fields.map((f) => f.kind));
    if (names.has("email") && names.has("password") && !form.fields.some((f) => /confirm/i.test(f.name))) {
      form.fields = form.fields.map((f) => (f.kind === "email" ? { ...f, value: plan.signIn.email } : f.kind === "password" ? { ...f, value: plan.signIn.password } : f));
    }
    for (const b of baselines(form)) {
      const intent = b.entries.find(([n]) => n === "intent")?.[1] ?? "";
      const key = `${intent} ${b.entries.map(([n]) => n).sort().join(",")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ role, entries: b.entries, fields: b.fields, multipart: b.multipart, intent, synthetic: false, json: false });
    }
  }
  // Intents the source distinguishes that no rendered form carried (another role's form, a
  // client-side fetcher…): a synthetic submission from the names the module reads.
  const role = roleFor(route, crawl, plan);
  const covered = new Set(out.map((b) => b.intent));
  const synthetic = (intent: string | null): Baseline => {
    const fields: FormField[] = route.names.filter((n) => n !== "intent").map((name) => ({ name, value: "", kind: kindOf(name, "", ""), required: false }));
    const entries: [string, string][] = fields.map((f) => [f.name, f.kind === "id" ? HOSTILE_PARAMS[1].value : plausible(f)]);
    return { role, entries: intent ? [["intent", intent], ...entries] : entries, fields, multipart: false, intent: intent ?? "", synthetic: true, json: route.json };
  };
  for (const intent of route.intents) if (!covered.has(intent)) out.push(synthetic(intent));
  if (!out.length) out.push(synthetic(null));
  // Rendered forms before synthetic ones; destructive submissions last, so they do not pull the
  // rug from under the others.
  return out.sort((a, b) => Number(isDestructive(a.intent)) - Number(isDestructive(b.intent)) || Number(a.synthetic) - Number(b.synthetic));
}

export const isDestructive = (intentOrRoute: string) => /remove|revoke|delete|cancel|deactivate|withdraw|archive|logout|leave/i.test(intentOrRoute);

function encodeForm(entries: [string, string][], files: FormField[], multipart: boolean, boundary: string): { contentType: string; body: string } {
  if (!multipart && !files.length) return { contentType: "application/x-www-form-urlencoded", body: new URLSearchParams(entries).toString() };
  const part = (name: string, value: string, file = false) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name.replace(/["\r\n]/g, "_")}"${file ? '; filename="fuzz.csv"\r\nContent-Type: text/csv' : ""}\r\n\r\n${value}\r\n`;
  const fileParts = files.map((f) => part(f.name, f.value, true));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: entries.map(([n, v]) => part(n, v)).join("") + fileParts.join("") + `--${boundary}--\r\n` };
}

/** A CSV whose rows each carry one bad cell under a column the module reads (imports). */
export function hostileCsv(route: FuzzRoute, full: boolean): string {
  const columns = route.names.filter((n) => n !== "intent" && n !== "file").slice(0, 30);
  const plausibleCell = (name: string, row: number) => {
    const kind = kindOf(name, "", "");
    if (kind === "date" || kind === "datetime") return `20${String(10 + (row % 15)).padStart(2, "0")}-${String((row % 12) + 1).padStart(2, "0")}-01`;
    if (kind === "number") return String((row % 50) + 1);
    return plausible({ name, value: "", kind, required: false });
  };
  const rows: string[] = [columns.join(",")];
  let row = 0;
  for (const [j, name] of columns.entries()) {
    for (const c of classesFor(kindOf(name, "", ""), full)) {
      if (c === "long") continue;
      rows.push(columns.map((n, k) => (k === j ? `"${CLASSES[c].replace(/"/g, '""')}"` : plausibleCell(n, row))).join(","));
      row++;
    }
  }
  return rows.join("\n");
}

export function actionCases(route: FuzzRoute, crawl: CrawlResult, plan: Plan): { safe: FuzzRequest[]; destructive: FuzzRequest[] } {
  const safe: FuzzRequest[] = [];
  const destructive: FuzzRequest[] = [];
  const valid = validParams(route, crawl);
  const bases = formBaselines(route, crawl, plan);
  const boundary = `----hubfuzz${(plan.seed >>> 0).toString(16)}`;
  let n = 0;
  const add = (b: Baseline, entries: [string, string][], note: string, { params = valid, variant, role = b.role, files }: { params?: Record<string, string>; variant?: Variant; role?: Role; files?: FormField[] } = {}) => {
    const fileFields = files ?? b.fields.filter((f) => f.kind === "file").map((f) => ({ ...f, value: hostileCsv(route, plan.full) }));
    const { contentType, body } = b.json ? { contentType: "application/json", body: JSON.stringify(Object.fromEntries(entries)) } : encodeForm(entries, fileFields, b.multipart, boundary);
    const req: FuzzRequest = { routeId: route.id, method: "POST", path: urlFor(route, params, [], variant ?? variantAt(n++, "POST"), "POST"), role, contentType, body, note };
    (isDestructive(b.intent) || isDestructive(route.id) ? destructive : safe).push(req);
  };
  const raw = (b: Baseline, contentType: string | null, body: string | undefined, note: string, variant: Variant = "doc") => {
    const req: FuzzRequest = { routeId: route.id, method: "POST", path: urlFor(route, valid, [], variant, "POST"), role: b.role, contentType, body, note };
    (isDestructive(b.intent) || isDestructive(route.id) ? destructive : safe).push(req);
  };

  // One field at a time, per submission (interleaved so a cap never starves a later intent).
  const perBase = bases.map((b) => {
    const rounds: [FormField, ValueClass][][] = [];
    for (const f of b.fields.filter((f) => f.name !== "intent" && f.kind !== "file")) classesFor(f.kind, plan.full).forEach((c, i) => (rounds[i] ??= []).push([f, c]));
    return rounds.flat();
  });
  // Each submission as the page renders it, filled in: the report lists those the action refused
  // (a refused baseline hides every field case behind it).
  for (const b of bases) add(b, b.entries, `baseline ${b.intent || "(no intent)"}`, { variant: "data" });

  // Round-robin over submissions: the first bad value of every field of every intent, then the second…
  const cap = plan.full ? Infinity : 24;
  const interleaved: [Baseline, FormField, ValueClass][] = [];
  for (const synthetic of [false, true]) {
    const group = perBase.map((list, bi) => ({ list, b: bases[bi] })).filter(({ b }) => b.synthetic === synthetic);
    for (let k = 0; interleaved.length < cap && group.some(({ list }) => k < list.length); k++) {
      for (const { list, b } of group) if (k < list.length) interleaved.push([b, ...list[k]]);
    }
  }
  for (const [b, f, c] of interleaved.slice(0, cap)) {
    const entries = b.entries.map(([name, v]): [string, string] => [name, name === f.name ? CLASSES[c] : v]);
    add(b, entries, `${b.intent ? `intent ${b.intent}: ` : ""}field ${f.name} = ${c}`);
  }
  for (const b of bases) add(b, [...b.entries.filter(([name]) => name !== "intent"), ["intent", "\u0000"]], `${b.intent || "form"}: intent = NUL`);

  // Route parameters with an otherwise valid submission.
  const b0 = bases[0];
  for (const p of route.params) for (const h of plan.full ? HOSTILE_PARAMS : HOSTILE_PARAMS.slice(0, 3)) add(b0, b0.entries, `param ${p} = ${h.label}`, { params: { ...valid, [p]: h.value } });

  // Bodies that are not a form, or not the expected one.
  const asObject = Object.fromEntries(b0.entries);
  for (const shape of BODY_SHAPES) {
    switch (shape) {
      case "json":
        raw(b0, "application/json", JSON.stringify(asObject), "form posted as JSON");
        raw(b0, "application/json", JSON.stringify(asObject), "form posted as JSON (.data)", "data");
        break;
      case "deep-json":
        raw(b0, "application/json", deepJson(10_000), "JSON nested 10 000 deep");
        break;
      case "garbage-multipart":
        raw(b0, `multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\n${b0.intent}\r\n--${boundary}\r\n\u0000\u00ff garbage`, "multipart cut off");
        raw(b0, "multipart/form-data", "no boundary at all", "multipart without boundary");
        break;
      case "no-content-type":
        raw(b0, null, new URLSearchParams(b0.entries).toString(), "no Content-Type");
        raw(b0, null, new URLSearchParams(b0.entries).toString(), "no Content-Type (.data)", "data");
        break;
      case "text-plain":
        raw(b0, "text/plain", new URLSearchParams(b0.entries).toString(), "text/plain");
        break;
      case "xml":
        raw(b0, "application/xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>`, "XML");
        break;
      case "empty":
        raw(b0, "application/x-www-form-urlencoded", "", "empty form");
        break;
      case "duplicated-fields":
        add(b0, b0.entries.flatMap(([k, v]): [string, string][] => [[k, v], [k, CLASSES.nul]]), "every field twice, the second with NUL");
        break;
      case "no-intent":
        if (b0.intent) add(b0, b0.entries.filter(([k]) => k !== "intent"), "no intent");
        break;
      case "unknown-intent":
        add(b0, [...b0.entries.filter(([k]) => k !== "intent"), ["intent", "fuzz-unknown"]], "unknown intent");
        break;
      case "mb-field": {
        const target = b0.fields.find((f) => f.kind === "text")?.name ?? b0.entries.find(([k]) => k !== "intent")?.[0] ?? "note";
        add(b0, [...b0.entries.filter(([k]) => k !== target), [target, "m".repeat(MB)]], `field ${target} = 1 MB`, { variant: "doc" });
        break;
      }
      case "huge":
        raw(b0, "application/x-www-form-urlencoded", `${new URLSearchParams(b0.entries).toString()}&pad=${"h".repeat((plan.full ? 16 : 4) * MB)}`, `${plan.full ? 16 : 4} MB body`);
        break;
    }
  }

  // Random runs: a few fields broken or dropped at once, any encoding, sometimes another role.
  const arb = fc.record({
    base: fc.nat({ max: bases.length - 1 }),
    role: fc.option(fc.constantFrom(...plan.roles), { freq: 4 }),
    variant: fc.constantFrom<Variant>("doc", "data"),
    encoding: route.json ? fc.constant("json") : fc.constantFrom("form", "form", "form", "multipart", "json"),
    nested: fc.array(fc.dictionary(nameFrom(route.names), hostileValue, { maxKeys: 6 }), { maxLength: 3 }),
    nestedKey: fc.nat(),
    mutations: fc.array(fc.tuple(fc.nat(), fc.option(hostileValue, { freq: 6 })), { minLength: 1, maxLength: 3 }),
    extra: fc.array(fc.tuple(nameFrom(route.names), hostileValue), { maxLength: 2 }),
    param: fc.option(paramValue, { freq: 4 }),
  });
  for (const c of fc.sample(arb, { seed: seedFor(plan.seed, `POST ${route.id}`), numRuns: plan.runs })) {
    const b = bases[c.base];
    let entries = [...b.entries];
    for (const [i, value] of c.mutations) {
      if (!entries.length) break;
      const k = i % entries.length;
      entries = value === null ? entries.filter((_, j) => j !== k) : entries.map((e, j): [string, string] => (j === k ? [e[0], value] : e));
    }
    entries.push(...c.extra);
    const params = c.param && route.params.length ? { ...valid, [route.params[0]]: c.param } : valid;
    const path = urlFor(route, params, [], c.variant, "POST");
    const role = c.role ?? b.role;
    const req: FuzzRequest =
      c.encoding === "json"
        ? { routeId: route.id, method: "POST", path, role, contentType: "application/json", body: JSON.stringify({ ...Object.fromEntries(entries), ...(route.json && route.names[0] ? { [route.names[c.nestedKey % route.names.length]]: c.nested } : {}) }), note: "random" }
        : { routeId: route.id, method: "POST", path, role, ...encodeForm(entries, [], c.encoding === "multipart", boundary), note: "random" };
    (isDestructive(b.intent) || isDestructive(route.id) ? destructive : safe).push(req);
  }
  return { safe, destructive };
}
