import type { z } from "zod";

/** Route params that do not parse (not a uuid) name nothing that exists: a 404, never a 500. */
export function notFoundUnlessValid<S extends z.ZodTypeAny>(schema: S, params: unknown): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}
