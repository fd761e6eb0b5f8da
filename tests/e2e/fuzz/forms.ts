/**
 * Forms as the server renders them, so the fuzzer can start from a submission the action accepts
 * and then break one thing at a time (a NUL in one text field only reaches the database when every
 * other field is valid). Regex parsing is enough for React's server-rendered markup.
 */

export type FieldKind = "text" | "number" | "date" | "datetime" | "id" | "email" | "url" | "choice" | "flag" | "file" | "password";

export type FormField = { name: string; value: string; kind: FieldKind; required: boolean; options?: string[] };

export type PageForm = {
  /** Pathname + search of the action (absolute path), e.g. "/aims?index". */
  action: string;
  multipart: boolean;
  fields: FormField[];
  /** Each submit button that carries a name (usually `intent`) is a distinct submission. */
  submits: { name: string; value: string }[];
};

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', lt: "<", gt: ">", apos: "'", nbsp: "\u00a0" };
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/\s([a-zA-Z][\w:-]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>/]+)))?/g)) out[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function kindOf(name: string, type: string, value: string): FieldKind {
  if (type === "file") return "file";
  if (type === "password" || /password/i.test(name)) return "password";
  if (type === "email" || /email/i.test(name)) return "email";
  if (type === "url" || /(?:^|_)url$|Url$|redirect|returnTo|^next$/i.test(name)) return "url";
  if (type === "datetime-local" || /At$|_at$|DateTime|startsAt/i.test(name)) return "datetime";
  if (type === "date" || /date|On$|_on$|^(?:from|to|period)$|after|before/i.test(name)) return "date";
  if (type === "number" || type === "range" || /^(?:value|page|per_page|days|seq|limit|zoom|lat|lon|lng|count|version)$|Value$|Days$|Points$|Maximum$|Available$/.test(name)) return "number";
  if (UUID.test(value) || /Id$|Ids$|_id$|^id$/.test(name)) return "id";
  if (type === "checkbox" || type === "radio") return "flag";
  return "text";
}

/** Every `<form method="post">` on the page, with its fields and named submit buttons. */
export function extractForms(html: string, pagePath: string): PageForm[] {
  const forms: PageForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = attributes(m[1]);
    if ((attrs.method ?? "get").toLowerCase() !== "post") continue;
    const action = attrs.action ? new URL(attrs.action, `http://x${pagePath}`) : new URL(`http://x${pagePath}`);
    const body = m[2];
    const fields: FormField[] = [];
    const submits: { name: string; value: string }[] = [];
    const radios = new Map<string, FormField>();
    for (const t of body.matchAll(/<(input|button)\b([^>]*)>/gi)) {
      const a = attributes(t[2]);
      const tag = t[1].toLowerCase();
      const type = (a.type ?? (tag === "button" ? "submit" : "text")).toLowerCase();
      if (!a.name) continue;
      if (type === "submit" || type === "image") {
        submits.push({ name: a.name, value: a.value ?? "" });
        continue;
      }
      if (tag === "button") continue;
      if (type === "radio") {
        const existing = radios.get(a.name);
        if (existing) existing.options!.push(a.value ?? "on");
        else {
          const f: FormField = { name: a.name, value: a.value ?? "on", kind: "choice", required: "required" in a, options: [a.value ?? "on"] };
          if ("checked" in a) f.value = a.value ?? "on";
          radios.set(a.name, f);
          fields.push(f);
        }
        continue;
      }
      if (type === "checkbox") {
        fields.push({ name: a.name, value: a.value ?? "on", kind: /Ids$|s$/.test(a.name) && a.value && UUID.test(a.value) ? "id" : "flag", required: "required" in a });
        continue;
      }
      fields.push({ name: a.name, value: a.value ?? "", kind: kindOf(a.name, type, a.value ?? ""), required: "required" in a });
    }
    for (const t of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const a = attributes(t[1]);
      if (!a.name) continue;
      const options = [...t[2].matchAll(/<option\b([^>]*)>([\s\S]*?)<\/option>/gi)].map((o) => attributes(o[1]).value ?? decodeEntities(o[2]));
      const selected = [...t[2].matchAll(/<option\b([^>]*)>/gi)].map((o) => attributes(o[1])).find((o) => "selected" in o)?.value;
      const value = selected ?? options.find((o) => o !== "") ?? "";
      fields.push({ name: a.name, value, kind: UUID.test(value) ? "id" : "choice", required: "required" in a, options });
    }
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/gi)) {
      const a = attributes(t[1]);
      if (a.name) fields.push({ name: a.name, value: decodeEntities(t[2]), kind: "text", required: "required" in a });
    }
    forms.push({ action: action.pathname + action.search, multipart: (attrs.enctype ?? "").includes("multipart"), fields, submits });
  }
  return forms;
}

/** A plausible value for an empty field, so that a baseline submission passes validation. */
export function plausible(field: FormField): string {
  if (field.value !== "") return field.value;
  switch (field.kind) {
    case "email":
      return "fuzz.person@example.test";
    case "url":
      return "https://example.test/hook";
    case "date":
      return "2026-06-15";
    case "datetime":
      return "2026-06-15T10:30";
    case "number":
      return "3";
    case "password":
      return "a quite long fuzz passphrase 42";
    case "choice":
      return field.options?.find((o) => o !== "") ?? "";
    case "file":
      return "";
    default:
      return "Fuzz text";
  }
}

/** The baseline submissions of a form: one per named submit button (or one without). */
export function baselines(form: PageForm): { action: string; multipart: boolean; entries: [string, string][]; fields: FormField[] }[] {
  const filled: [string, string][] = form.fields.filter((f) => f.kind !== "file").map((f) => [f.name, plausible(f)]);
  const submits = form.submits.length ? form.submits : [null];
  return submits.map((s) => ({ action: form.action, multipart: form.multipart, entries: s ? [...filled.filter(([n]) => n !== s.name), [s.name, s.value]] : filled, fields: form.fields }));
}
