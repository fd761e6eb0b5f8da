/**
 * The fuzz suite's route table, read from the code so that a route added later is fuzzed without
 * anyone adding it to a list:
 *   - the built server's route manifest (build/server/index.js `routes`: id, path, parent, index,
 *     and whether the module exports a loader, an action, a component) is the authority;
 *   - every file in app/routes must appear in it (a stale build fails loudly, never fuzzes less);
 *   - the names a route reads (search parameters, form fields, `intent` values) are scraped from
 *     the route module's source and from the app modules it imports (zod object keys,
 *     `searchParams.get("…")`, `formData.get("…")`, `name="…"`), so generators aim at real names.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type ManifestRoute = {
  id: string;
  parentId: string | null;
  path: string | null;
  index: boolean;
  hasLoader: boolean;
  hasAction: boolean;
  hasComponent: boolean;
  hasErrorBoundary: boolean;
};

export type FuzzRoute = ManifestRoute & {
  /** Full URL pattern, e.g. "/conferences/:conferenceId/summary" ("/" for the root index). */
  pattern: string;
  /** Dynamic segments in order ("*" for a splat). */
  params: string[];
  /** Source file of the route module (app/routes/…). */
  file: string;
  /** A resource route: no component and no error boundary (JSON, CSV, PDF…). */
  resource: boolean;
  /** Names the module (or what it imports) reads: search params, form fields, schema keys. */
  names: string[];
  /** `intent` values the action distinguishes. */
  intents: string[];
  /** The action reads a JSON body, not a form. */
  json: boolean;
};

/** Reads the route manifest of the production build in a child process (it imports server code). */
export function readManifest(root = process.cwd()): ManifestRoute[] {
  const script = `
    const b = await import(${JSON.stringify(path.join(root, "build/server/index.js"))});
    const out = Object.values(b.routes).map((r) => ({
      id: r.id, parentId: r.parentId ?? null, path: r.path ?? null, index: !!r.index,
      hasLoader: typeof r.module.loader === "function", hasAction: typeof r.module.action === "function",
      hasComponent: typeof r.module.default === "function", hasErrorBoundary: typeof r.module.ErrorBoundary === "function",
    }));
    process.stdout.write(JSON.stringify(out));
    process.exit(0);`;
  const json = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: root, env: { ...process.env, NODE_ENV: "production" }, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(json) as ManifestRoute[];
}

function fullPattern(route: ManifestRoute, byId: Map<string, ManifestRoute>): string {
  const segments: string[] = [];
  for (let r: ManifestRoute | undefined = route; r; r = r.parentId ? byId.get(r.parentId) : undefined) {
    if (r.path) segments.unshift(r.path.replace(/^\/+|\/+$/g, ""));
  }
  return `/${segments.filter(Boolean).join("/")}`;
}

export function enumerateRoutes(root = process.cwd()): FuzzRoute[] {
  const manifest = readManifest(root);
  const byId = new Map(manifest.map((r) => [r.id, r]));
  const routesDir = path.join(root, "app/routes");
  const files = fs.readdirSync(routesDir).filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\.tsx?$/.test(f));
  const missing = files.map((f) => `routes/${f.replace(/\.(tsx?|jsx?)$/, "")}`).filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`The build's route manifest lacks ${missing.join(", ")}: run \`npm run build\` (the fuzz suite reads routes from the build).`);
  return manifest
    .filter((r) => r.hasLoader || r.hasAction)
    .map((r) => {
      const pattern = fullPattern(r, byId);
      const params = [...pattern.matchAll(/:(\w+)|\*/g)].map((m) => m[1] ?? "*");
      const file = r.id === "root" ? findFile(path.join(root, "app"), "root") : findFile(routesDir, r.id.replace(/^routes\//, ""));
      const own = fs.readFileSync(file, "utf8");
      return {
        ...r,
        pattern,
        params,
        file: path.relative(root, file),
        resource: !r.hasComponent && !r.hasErrorBoundary,
        names: namesIn(collectSource(file, root, 2)),
        // Intents: the action's own literals and its schemas' (deeper files are other routes' intents).
        intents: intentsIn(collectSource(file, root, 1)),
        json: /request\.json\(\)|JSON\.parse\(/.test(own) && !/request\.formData\(\)/.test(own),
      };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

function findFile(dir: string, base: string): string {
  for (const ext of [".tsx", ".ts", ".jsx", ".js"]) if (fs.existsSync(path.join(dir, base + ext))) return path.join(dir, base + ext);
  throw new Error(`No source file for route ${base} in ${dir}`);
}

/**
 * The route module's source plus the app modules it imports, `maxDepth` levels deep (route →
 * service or responder → schemas), where the names it reads are declared. Components and env are
 * left out.
 */
function collectSource(file: string, root: string, maxDepth: number): string {
  const seen = new Set<string>([file]);
  const parts: string[] = [];
  let frontier = [file];
  for (let depth = 0; depth <= maxDepth && frontier.length; depth++) {
    const next: string[] = [];
    for (const f of frontier) {
      const text = fs.readFileSync(f, "utf8");
      parts.push(text);
      for (const m of text.matchAll(/from\s+"((?:~|\.{1,2})\/[^"]+)"/g)) {
        const target = resolveImport(m[1], f, root);
        if (!target || seen.has(target) || /\/components\/|env\.server|\/generated\//.test(target)) continue;
        seen.add(target);
        next.push(target);
      }
    }
    frontier = next;
  }
  return parts.join("\n");
}

function resolveImport(spec: string, from: string, root: string): string | null {
  const base = spec.startsWith("~/") ? path.join(root, "app", spec.slice(2)) : path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const NOT_NAMES = new Set(["cookie", "user-agent", "content-length", "content-type", "authorization", "asc", "desc", "message", "path", "code", "status", "error", "errors", "data", "success", "min", "max", "int", "required_error", "invalid_type_error", "offset", "headers", "method", "request", "params", "context"]);

/** Names a route reads: `.get("x")`/`.getAll("x")`, zod object keys, `name="x"` / `name: "x"` / `hidden={{ x: … }}`. */
export function namesIn(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/\.(?:get|getAll|has)\(\s*"([A-Za-z_][\w.[\]-]{0,60})"\s*\)/g)) names.add(m[1]);
  for (const m of source.matchAll(/\bname=(?:"|\{")([A-Za-z_][\w.[\]-]{0,60})"/g)) names.add(m[1]);
  for (const m of source.matchAll(/\bname:\s*"([A-Za-z_][\w.[\]-]{0,60})"/g)) names.add(m[1]);
  for (const m of source.matchAll(/\b(?:name|key|param)\s*===?\s*"([A-Za-z_][\w.[\]-]{0,60})"/g)) names.add(m[1]);
  // zod object keys: `key: z.…`, `key: optional(…)`, `key: uuid(…)`, `key: boundedDate(…)` …
  for (const m of source.matchAll(/^\s*([A-Za-z_]\w{0,60})\s*:\s*(?:z\.|[a-z]\w*(?:Text|Date|DateTime|Number|Of|Id|Schema)?\()/gm)) names.add(m[1]);
  for (const n of NOT_NAMES) names.delete(n);
  return [...names].filter((n) => !/^(?:on[A-Z]|aria|data-)/.test(n) && !/^[A-Z0-9_]+$/.test(n) && !/Error$/.test(n)).sort();
}

/** `intent` values: `intent === "x"`, `intent: z.literal("x")`, `intent="x"`, `intent: "x"`. */
export function intentsIn(source: string): string[] {
  const intents = new Set<string>();
  for (const m of source.matchAll(/(?<!typeof\s+)intent\s*(?:===?|!==?)\s*"([\w:-]+)"/g)) intents.add(m[1]);
  for (const m of source.matchAll(/intent:\s*z\.literal\(\s*"([\w:-]+)"\s*\)/g)) intents.add(m[1]);
  for (const m of source.matchAll(/intent:\s*z\.enum\(\s*\[([^\]]+)\]/g)) for (const v of m[1].matchAll(/"([\w:-]+)"/g)) intents.add(v[1]);
  for (const m of source.matchAll(/\bintent=\{?"([\w:-]+)"/g)) intents.add(m[1]);
  for (const m of source.matchAll(/\bintent:\s*"([\w:-]+)"/g)) intents.add(m[1]);
  for (const m of source.matchAll(/case\s+"([\w:-]+)"\s*:/g)) intents.add(m[1]);
  for (const t of ["string", "number", "object", "undefined", "function", "boolean"]) intents.delete(t);
  return [...intents].sort();
}

/** Fills a pattern with values ("*" takes the splat); values are already URL-encoded. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:(\w+)|\*/g, (_, name: string | undefined) => values[name ?? "*"] ?? "x");
}

/** A regular expression matching concrete paths of a pattern, capturing its params in order. */
export function patternRegExp(pattern: string): RegExp {
  const source = pattern
    .split("/")
    .map((s) => (s.startsWith(":") ? "([^/?#]+)" : s === "*" ? "(.+)" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}$`);
}
