/** GET /api/directory/geocode?q=… → [{ label, latitude, longitude }] from GEOCODER_URL (404 when none is configured). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { getEnv } from "~/utils/env.server";
import { getMapView } from "~/modules/coalition/queries.server";
import { geocode } from "~/modules/directory/geocoder.server";

const Query = z.object({ q: z.string().trim().min(3, "Type at least 3 characters of the address").max(200, "q is at most 200 characters") });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "directory:edit");
  const url = getEnv().GEOCODER_URL;
  if (!url) return Response.json({ error: "No address search is configured" }, { status: 404 });
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: parsed.error.issues[0].message }, { status: 400 });
  const coalition = actor.coalitionId ? await getMapView(actor.coalitionId) : null;
  const results = await geocode({ url, query: parsed.data.q, near: coalition ? { latitude: coalition.centerLatitude, longitude: coalition.centerLongitude } : undefined });
  return Response.json({ results }, { headers: { "Cache-Control": "private, no-store" } });
}
