/** Shared plumbing of the /api/hsds resource routes: params → 400, viewer, JSON, errors. */
import { z } from "zod";
import { uuid } from "~/utils/form-fields";
import { parseParams } from "~/utils/params.server";
import { HsdsListSchema, type HsdsListParams } from "./schemas";
import { jsonError, resolveDirectoryViewer, type DirectoryViewer } from "../viewer.server";

export async function hsdsResponse(request: Request, produce: (viewer: DirectoryViewer, params: HsdsListParams) => unknown | Promise<unknown>) {
  try {
    const parsed = HsdsListSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      const fieldErrors = parsed.error.flatten().fieldErrors;
      const [key, messages] = Object.entries(fieldErrors)[0] ?? ["query", ["is invalid"]];
      return Response.json({ error: `Bad request. ${key}: ${messages?.[0]}`, fieldErrors }, { status: 400 });
    }
    const viewer = await resolveDirectoryViewer(request, parsed.data.coalition);
    const body = await produce(viewer, parsed.data);
    return Response.json(body, { headers: { "Cache-Control": viewer.member ? "private, no-store" : "public, max-age=60", Vary: "Cookie, Authorization" } });
  } catch (error) {
    return jsonError(error);
  }
}

const RecordParams = z.object({ id: uuid() });
/** The `$id` route param of an HSDS record: not a UUID is a 404 (ADR 060). */
export const hsdsId = (params: unknown) => parseParams(params, RecordParams).id;
