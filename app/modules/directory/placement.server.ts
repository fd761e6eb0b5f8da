/**
 * Where to put an imported location that came without usable coordinates (ADR 094): the hub's
 * geocoder when one is configured (GEOCODER_URL), otherwise the centroid of its ZIP code, otherwise
 * of its city, from the US ZIP data packaged with the hub (`zipcodes`, offline). Neither → unplaced.
 */
import zipcodes from "zipcodes";
import { geocode } from "./geocoder.server";

export type Placement = "EXACT" | "GEOCODED" | "APPROXIMATE" | "UNPLACED";
export type Placed = { latitude: number | null; longitude: number | null; placement: Placement };
export type AddressForPlacement = { address_1?: string; city?: string; state_province?: string; postal_code?: string };

type ZipRecord = { zip: string; latitude: number; longitude: number; city: string; state: string };
const codes = zipcodes.codes as unknown as Record<string, ZipRecord>;
let byCity: Map<string, { latitude: number; longitude: number }> | null = null;

const cityKey = (city: string, state: string) => `${city.normalize("NFD").replace(/\p{Diacritic}/gu, "").trim().toLowerCase().replace(/^saint\b/, "st").replace(/\s+/g, " ")}|${state.trim().toUpperCase()}`;

/** The mean of a city's ZIP centroids, built once on first use. */
function cityCentroids() {
  if (byCity) return byCity;
  const sums = new Map<string, { lat: number; lng: number; n: number }>();
  for (const z of Object.values(codes)) {
    if (typeof z.latitude !== "number" || typeof z.longitude !== "number") continue;
    const key = cityKey(z.city, z.state);
    const s = sums.get(key) ?? { lat: 0, lng: 0, n: 0 };
    s.lat += z.latitude; s.lng += z.longitude; s.n += 1;
    sums.set(key, s);
  }
  byCity = new Map([...sums].map(([k, s]) => [k, { latitude: Number((s.lat / s.n).toFixed(5)), longitude: Number((s.lng / s.n).toFixed(5)) }]));
  return byCity;
}

const STATES: Record<string, string> = { colorado: "CO", "new mexico": "NM", wyoming: "WY", utah: "UT", arizona: "AZ", kansas: "KS", nebraska: "NE", oklahoma: "OK", texas: "TX", california: "CA", "new york": "NY" };
const stateCode = (s?: string) => (s ? (s.trim().length === 2 ? s.trim().toUpperCase() : (STATES[s.trim().toLowerCase()] ?? s.trim().toUpperCase())) : "");

/** The offline centroid of the address's ZIP, else its city (city + state), else null. */
export function centroidOf(address: AddressForPlacement): { latitude: number; longitude: number } | null {
  const zip = /^(\d{5})(?:-\d{4})?$/.exec(address.postal_code?.trim() ?? "")?.[1];
  const z = zip ? codes[zip] : undefined;
  if (z && typeof z.latitude === "number") return { latitude: z.latitude, longitude: z.longitude };
  if (address.city && address.state_province) return cityCentroids().get(cityKey(address.city, stateCode(address.state_province))) ?? null;
  return null;
}

export async function placeLocation({ latitude, longitude, addresses, geocoderUrl }: { latitude?: number; longitude?: number; addresses: AddressForPlacement[]; geocoderUrl?: string }): Promise<Placed> {
  if (latitude !== undefined && longitude !== undefined && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180) return { latitude, longitude, placement: "EXACT" };
  for (const address of addresses) {
    const query = [address.address_1, address.city, address.state_province, address.postal_code].filter(Boolean).join(", ");
    if (geocoderUrl && address.address_1 && (address.city || address.postal_code)) {
      // A slow or failing geocoder only costs precision: the centroid below still places it.
      const found = await geocode({ url: geocoderUrl, query, timeoutMs: 3000 }).catch(() => []);
      if (found[0]) return { latitude: found[0].latitude, longitude: found[0].longitude, placement: "GEOCODED" };
    }
    const centroid = centroidOf(address);
    if (centroid) return { ...centroid, placement: "APPROXIMATE" };
  }
  return { latitude: null, longitude: null, placement: "UNPLACED" };
}
