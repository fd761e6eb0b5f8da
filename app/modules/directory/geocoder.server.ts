/**
 * Optional address search (GEOCODER_URL): a Nominatim-compatible JSON search, called from the
 * server so the browser never talks to a third party and the URL can stay private. Results are
 * validated; anything unexpected, slow or failing becomes a clear 502, never a server error.
 */
import { z } from "zod";
import { AppError } from "~/utils/app-error";
import { translatable } from "~/utils/translatable";

export type GeocodeResult = { label: string; latitude: number; longitude: number };

const NominatimResults = z.array(
  z.object({
    display_name: z.string(),
    lat: z.coerce.number().min(-90).max(90),
    lon: z.coerce.number().min(-180).max(180),
  }).passthrough(),
);

export async function geocode({ url, query, near, timeoutMs = 5000 }: {
  url: string; query: string; near?: { latitude: number; longitude: number }; timeoutMs?: number;
}): Promise<GeocodeResult[]> {
  const target = new URL(url);
  target.searchParams.set("q", query);
  target.searchParams.set("format", "jsonv2");
  target.searchParams.set("limit", "5");
  if (near) {
    // Prefer (not restrict to) about a county around the coalition: viewbox=left,top,right,bottom.
    target.searchParams.set("viewbox", [near.longitude - 0.5, near.latitude + 0.5, near.longitude + 0.5, near.latitude - 0.5].map((n) => Number(n.toFixed(5))).join(","));
  }
  let response: Response;
  try {
    response = await fetch(target, { headers: { accept: "application/json", "user-agent": "CoalitionHub/0.1 (directory address search)" }, signal: AbortSignal.timeout(timeoutMs) });
  } catch {
    throw new AppError({ message: translatable("errors.services.directory.geocoderSilent"), status: 502 });
  }
  if (!response.ok) throw new AppError({ message: translatable("errors.services.directory.geocoderFailed", { status: response.status }), status: 502 });
  const parsed = NominatimResults.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new AppError({ message: translatable("errors.services.directory.geocoderOdd"), status: 502 });
  return parsed.data.map((r) => ({ label: r.display_name, latitude: Number(r.lat.toFixed(6)), longitude: Number(r.lon.toFixed(6)) }));
}
