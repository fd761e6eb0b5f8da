/** GET /api/directory/geocode?q=… → [{ label, latitude, longitude }] from GEOCODER_URL (404 when none is configured). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireActor } from "~/modules/auth/guard.server";
import { getEnv } from "~/utils/env.server";
import { getMapView } from "~/modules/coalition/queries.server";
import { geocode } from "~/modules/directory/geocoder.server";
import { AppError, notFound } from "~/utils/app-error";
import { translatable } from "~/utils/translatable";

// The address search box shows `error`: translatables, worded by the one error mapper in the page's language.
const Query = z.object({ q: z.string().trim().min(3, translatable("errors.services.directory.geocoderShort")).max(200, translatable("errors.services.directory.geocoderLong")) });

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "directory:edit");
  const url = getEnv().GEOCODER_URL;
  if (!url) throw notFound(translatable("errors.services.directory.geocoderOff"));
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError({ message: parsed.error.issues[0].message, status: 400 });
  const coalition = actor.coalitionId ? await getMapView(actor.coalitionId) : null;
  const results = await geocode({ url, query: parsed.data.q, near: coalition ? { latitude: coalition.centerLatitude, longitude: coalition.centerLongitude } : undefined });
  return Response.json({ results }, { headers: { "Cache-Control": "private, no-store" } });
}
