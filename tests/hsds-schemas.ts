/**
 * The official HSDS 3.0 JSON Schemas (../shared/standards/hsds-3.0, or HSDS_STANDARDS_DIR),
 * compiled once with ajv. The schemas carry Frictionless/HSDS keywords ajv does not know
 * (name, path, constraints, core…), hence strict: false.
 */
import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export const HSDS_DIR = process.env.HSDS_STANDARDS_DIR ?? path.resolve(process.cwd(), "../shared/standards/hsds-3.0");

/**
 * The official files are reference material beside the repository, not part of it: a clone
 * without them skips the checks against them (with this message) instead of failing.
 */
export const HSDS_AVAILABLE = fs.existsSync(path.join(HSDS_DIR, "schema")) && fs.existsSync(path.join(HSDS_DIR, "examples"));
export const HSDS_SKIP_MESSAGE = `Skipping the checks against the official HSDS 3.0 files: none at ${HSDS_DIR} (set HSDS_STANDARDS_DIR to where they are).`;
if (!HSDS_AVAILABLE) console.warn(HSDS_SKIP_MESSAGE);

const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
addFormats(ajv);
const cache = new Map<string, ValidateFunction>();
const BASE = "https://hsds.schema.invalid/schema/";
let registered = false;

/** The per-object schemas refer to each other by file name ("funding.json"): register them all under one base. */
function registerSchemas() {
  if (registered) return;
  registered = true;
  for (const file of fs.readdirSync(path.join(HSDS_DIR, "schema"))) {
    if (!file.endsWith(".json") || file === "openapi.json") continue;
    const json = JSON.parse(fs.readFileSync(path.join(HSDS_DIR, "schema", file), "utf8"));
    json.$id = `${BASE}${file}`;
    ajv.addSchema(json);
  }
}

/** e.g. "compiled/service", "taxonomy_term". */
export function hsdsValidator(schema: string): ValidateFunction {
  if (!cache.has(schema)) {
    if (schema.startsWith("compiled/")) {
      const json = JSON.parse(fs.readFileSync(path.join(HSDS_DIR, "schema", `${schema}.json`), "utf8"));
      delete json.$id;
      cache.set(schema, ajv.compile(json));
    } else {
      registerSchemas();
      cache.set(schema, ajv.getSchema(`${BASE}${schema}.json`)!);
    }
  }
  return cache.get(schema)!;
}

/** Schema errors as readable strings ([] when valid). */
export function hsdsErrors(schema: string, value: unknown): string[] {
  const validate = hsdsValidator(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}

export function readHsdsExample(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(HSDS_DIR, "examples", name), "utf8"));
}
