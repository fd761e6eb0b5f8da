import type { z } from "zod";
import { parseParams } from "~/utils/params.server";

/** Route params that do not parse (not a uuid) name nothing that exists: a 404, never a 500 (the edge parser, ADR 060). */
export function notFoundUnlessValid<S extends z.ZodTypeAny>(schema: S, params: unknown): z.infer<S> {
  return parseParams(params, schema);
}
