/**
 * Route and search parameters parsed at the edge with zod (issue #13, ADR 060). A route param
 * that does not parse names nothing that exists: 404. A search param that does not parse is a
 * 400 naming it, in the request's language. Both throw a Response built by the one mapper, so a
 * loader called directly (tests) answers exactly as it does behind the server.
 */
import type { z } from "zod";
import { EdgeError, httpErrorResponse, translatorFor } from "./http-errors.server";

export function parseParams<S extends z.ZodTypeAny>(params: unknown, schema: S): z.infer<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw httpErrorResponse(new EdgeError(404, "notFound"));
  return parsed.data;
}

export async function parseSearchParams<S extends z.ZodTypeAny>(request: Request, schema: S): Promise<z.infer<S>> {
  const searchParams = new URL(request.url).searchParams;
  const values: Record<string, string> = {};
  for (const key of new Set(searchParams.keys())) values[key] = searchParams.get(key)!;
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw httpErrorResponse(parsed.error, await translatorFor(request));
  return parsed.data;
}
