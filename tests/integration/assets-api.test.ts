/**
 * GET /api/assets on a real database: bbox, filters, page limit, visibility (coalition-only
 * records only for signed-in members or member API keys) and isolation between coalitions.
 */
import { withHttpErrors } from "~/utils/http-errors.server";
import { beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "~/utils/db.server";
import * as assetsApiModule from "~/routes/api.assets";
import * as assetDetailModule from "~/routes/api.assets.$assetId";
import { createApiKey } from "~/modules/org/api-keys.server";
import { createCoalition, createOrganization, createTwoOrganizationWorld, createUser } from "../factories";
import { anonymousGet, settle, signedInRequester } from "../helpers";
import { actorFor } from "../actors";
import { overlaps } from "~/modules/directory/cluster-layout";

// Route modules as server/index.ts serves them: behind the edge checks and the one error mapper (ADR 074).
const assetsApi = withHttpErrors(assetsApiModule);
const assetDetail = withHttpErrors(assetDetailModule);

type World = Awaited<ReturnType<typeof createTwoOrganizationWorld>>;
type Collection = { type: string; features: { id: string; geometry: { coordinates: number[] }; properties: { name: string; visibility: string; openNow: boolean } }[]; truncated: boolean; count: number };

const ALWAYS = [{ freq: "WEEKLY", byday: "", opensAt: "00:00", closesAt: "00:00" }];
// A box around a made-up town, far from the demo seed and other tests' data.
const BOX = "-100.5,40.0,-100.0,40.5";

let world: World;
const names = { pantry: "", shelter: "", group: "", clinic: "", outside: "" };

async function asset(data: Partial<Prisma.AssetUncheckedCreateInput> & { name: string; latitude: number; longitude: number }) {
  return db.asset.create({
    data: { coalitionId: world.coalition.id, organizationId: world.orgA.id, kind: "SERVICE_LOCATION", visibility: "PUBLIC", sdohCodes: ["food-insecurity"], languages: ["en"], searchText: data.name.toLowerCase(), ...data },
  });
}

beforeAll(async () => {
  world = await createTwoOrganizationWorld();
  const tag = world.coalition.slug;
  names.pantry = `Eastside Pantry ${tag}`;
  names.shelter = `Night Shelter ${tag}`;
  names.group = `Grief Circle ${tag}`;
  names.clinic = `Sliding Clinic ${tag}`;
  names.outside = `Far Away Pantry ${tag}`;
  await asset({ name: names.pantry, latitude: 40.2, longitude: -100.2, languages: ["en", "es"], free: true, capacityStatus: "CAPACITY", schedules: ALWAYS });
  await asset({ name: names.shelter, latitude: 40.25, longitude: -100.3, sdohCodes: ["homelessness"], capacityStatus: "NO_CAPACITY", schedules: [] });
  await asset({ name: names.group, latitude: 40.3, longitude: -100.1, kind: "INFORMAL_GROUP", visibility: "COALITION", sdohCodes: ["stress", "social-connection"], schedules: ALWAYS, vouchedByName: "Director A", vouchNote: "We know them" });
  await asset({ name: names.clinic, latitude: 40.1, longitude: -100.4, organizationId: world.orgB.id, sdohCodes: ["medical-cost-burden"], capacityStatus: "WAITLIST", languages: ["en", "vi"], schedules: [] });
  await asset({ name: names.outside, latitude: 41.5, longitude: -100.2 });
});

const args = (request: Request) => ({ request, params: {}, context: {} });
async function get(path: string, requester?: { get: (p: string) => Request }) {
  return settle(() => assetsApi.loader(args(requester ? requester.get(path) : anonymousGet(path))));
}
const namesOf = (body: unknown) => (body as Collection).features.map((f) => f.properties.name).sort();

describe("GET /api/assets", () => {
  it("a member sees every asset in the box, public and coalition-only, as GeoJSON", async () => {
    const asA = await signedInRequester(world.careManagerA.email);
    const result = await get(`/api/assets?bbox=${BOX}`, asA);
    expect(result.status).toBe(200);
    const body = result.body as Collection;
    expect(body.type).toBe("FeatureCollection");
    expect(namesOf(body)).toEqual([names.clinic, names.group, names.pantry, names.shelter].sort());
    const pantry = body.features.find((f) => f.properties.name === names.pantry)!;
    expect(pantry.geometry.coordinates).toEqual([-100.2, 40.2]);
    expect(body.truncated).toBe(false);
  });

  it("anonymous visitors see public records only, and must name the coalition when there are several", async () => {
    await createCoalition();
    const unnamed = await get(`/api/assets?bbox=${BOX}`);
    expect(unnamed.status).toBe(400);
    expect((unnamed.body as { error: string }).error).toMatch(/coalition=<slug>/);
    const result = await get(`/api/assets?bbox=${BOX}&coalition=${world.coalition.slug}`);
    expect(result.status).toBe(200);
    expect(namesOf(result.body)).toEqual([names.clinic, names.pantry, names.shelter].sort());
    expect((await get(`/api/assets?bbox=${BOX}&coalition=no-such-coalition`)).status).toBe(404);
  });

  it("a member of another coalition sees only this coalition's public records, and their own map shows none of these", async () => {
    const other = await createCoalition();
    const otherOrg = await createOrganization({ coalitionId: other.id });
    const outsider = await createUser({ memberships: [{ organizationId: otherOrg.id, role: "DIRECTOR" }] });
    const asOutsider = await signedInRequester(outsider.email);
    expect(namesOf((await get(`/api/assets?bbox=${BOX}`, asOutsider)).body)).toEqual([]);
    expect(namesOf((await get(`/api/assets?bbox=${BOX}&coalition=${world.coalition.slug}`, asOutsider)).body)).not.toContain(names.group);
  });

  it("an organization API key of a member sees coalition-only records; a revoked or foreign key does not", async () => {
    const { key } = await createApiKey({ actor: actorFor(world.directorB.id, world.orgB.id), name: "sync" });
    const withKey = new Request(`http://localhost/api/assets?bbox=${BOX}`, { headers: { authorization: `Bearer ${key}` } });
    expect(namesOf((await settle(() => assetsApi.loader(args(withKey)))).body)).toContain(names.group);
    const bogus = new Request(`http://localhost/api/assets?bbox=${BOX}&coalition=${world.coalition.slug}`, { headers: { authorization: "Bearer chub_notarealkeynotarealkey00" } });
    expect(namesOf((await settle(() => assetsApi.loader(args(bogus)))).body)).not.toContain(names.group);
  });

  it("filters by SDOH code, text, language, capacity, cost, kind and open now", async () => {
    const asA = await signedInRequester(world.directorA.email);
    const q = async (extra: string) => namesOf((await get(`/api/assets?bbox=${BOX}&${extra}`, asA)).body);
    expect(await q("sdoh=food-insecurity")).toEqual([names.pantry]);
    expect(await q("sdoh=social-connection")).toEqual([names.group]);
    expect(await q("domain=health-care-access-and-quality")).toEqual([names.clinic]);
    expect(await q(`q=${encodeURIComponent("night SHELTER")}`)).toEqual([names.shelter]);
    expect(await q("q=100%25")).toEqual([]);
    expect(await q("language=es")).toEqual([names.pantry]);
    expect(await q("language=vi")).toEqual([names.clinic]);
    expect(await q("capacity=has-capacity")).toEqual([names.pantry]);
    expect(await q("capacity=full")).toEqual([names.shelter]);
    expect(await q("capacity=waitlist")).toEqual([names.clinic]);
    expect(await q("cost=free")).toEqual([names.pantry]);
    expect(await q("kind=INFORMAL_GROUP")).toEqual([names.group]);
    expect(await q("open_now=true")).toEqual([names.group, names.pantry].sort());
    expect(await q("open_now=true&sdoh=food-insecurity&language=es")).toEqual([names.pantry]);
  });

  it("returns at most a page and says when it truncated", async () => {
    const asA = await signedInRequester(world.directorA.email);
    const page = (await get(`/api/assets?bbox=${BOX}&limit=2`, asA)).body as Collection;
    expect(page.features.length).toBe(2);
    expect(page.truncated).toBe(true);
    const open = (await get(`/api/assets?bbox=${BOX}&limit=1&open_now=true`, asA)).body as Collection;
    expect(open.features.length).toBe(1);
    expect(open.truncated).toBe(true);
    const exact = (await get(`/api/assets?bbox=${BOX}&limit=4`, asA)).body as Collection;
    expect(exact.truncated).toBe(false);
  });

  it.each([
    ["", /bbox is required/],
    ["bbox=1,2,3", /four numbers/],
    ["bbox=a,b,c,d", /four numbers/],
    ["bbox=-200,40,-100,41", /out of range/],
    ["bbox=-100,95,-99,96", /out of range/],
    ["bbox=-99,40,-100,41", /min ≤ max/],
    [`bbox=${BOX}&sdoh=food`, /Gravity Project SDOH category code/],
    [`bbox=${BOX}&capacity=lots`, /capacity must be one of/],
    [`bbox=${BOX}&open_now=yes`, /open_now must be true or false/],
    [`bbox=${BOX}&limit=999999`, /limit is at most/],
    [`bbox=${BOX}&language=${encodeURIComponent("es'; drop")}`, /language code/],
    [`bbox=${BOX}&zoom=near`, /zoom must be a number/],
    [`bbox=${BOX}&zoom=40`, /zoom is 0 to 22/],
  ])("answers 400 with a clear message for %s", async (query, message) => {
    const asA = await signedInRequester(world.directorA.email);
    const result = await get(`/api/assets?${query}`, asA);
    expect(result.status).toBe(400);
    expect((result.body as { error: string }).error).toMatch(message);
  });
});

describe("GET /api/assets at low zoom", () => {
  type Clustered = Collection & { total?: number; clusters?: [number, number, number, string | null][] };
  const sum = (body: Clustered) => (body.clusters ?? []).reduce((n, c) => n + c[2], 0);

  it("clusters every match on the server when there are more than a page, with a short list page; a write shows at once", async () => {
    const asA = await signedInRequester(world.careManagerA.email);
    const member = (await get(`/api/assets?bbox=${BOX}&zoom=10&limit=2`, asA)).body as Clustered;
    expect(member.total).toBe(4);
    expect(sum(member)).toBe(4);
    expect(member.features.length).toBe(2);
    expect(member.truncated).toBe(true);
    // A single asset is a "cluster" of one that carries its id.
    const far = (await get(`/api/assets?bbox=${BOX}&zoom=12&limit=1&sdoh=food-insecurity`, asA)).body as Clustered;
    expect(far.clusters).toBeUndefined(); // one match fits the page: plain points
    const singles = (await get(`/api/assets?bbox=${BOX}&zoom=12&limit=1&kind=SERVICE_LOCATION`, asA)).body as Clustered;
    expect(singles.clusters!.filter((c) => c[2] === 1).every((c) => typeof c[3] === "string")).toBe(true);

    const anonymous = (await get(`/api/assets?bbox=${BOX}&zoom=10&limit=2&coalition=${world.coalition.slug}`)).body as Clustered;
    expect(anonymous.total).toBe(3);
    expect(anonymous.features.map((f) => f.properties.visibility)).not.toContain("COALITION");
    const open = (await get(`/api/assets?bbox=${BOX}&zoom=10&limit=1&open_now=true`, asA)).body as Clustered;
    expect(open.total).toBe(2);

    const added = await asset({ name: `Late Pantry ${world.coalition.slug}`, latitude: 40.4, longitude: -100.45 });
    expect(((await get(`/api/assets?bbox=${BOX}&zoom=10&limit=2`, asA)).body as Clustered).total).toBe(5);
    await db.asset.update({ where: { id: added.id }, data: { deletedAt: new Date() } });
    expect(((await get(`/api/assets?bbox=${BOX}&zoom=10&limit=2`, asA)).body as Clustered).total).toBe(4);
  });

  it("never sends clusters whose icons overlap, so every one can be clicked (#14 defect 6)", async () => {
    // Two crowds 35 px apart at zoom 11: supercluster keeps them apart (its radius is smaller),
    // but their 38-px icons would cover each other. A third lone asset sits beside the second.
    const perPixel = 360 / (256 * 2 ** 11);
    const crowd = async (name: string, lng: number, n: number) => {
      for (let i = 0; i < n; i++) await asset({ name: `${name} ${i} ${world.coalition.slug}`, latitude: 45.2 + (i % 5) * 0.0002, longitude: lng + Math.floor(i / 5) * 0.0002 });
    };
    await crowd("West Crowd", -101.2, 20);
    await crowd("East Crowd", -101.2 + 35 * perPixel, 20);
    await asset({ name: `Lone ${world.coalition.slug}`, latitude: 45.2, longitude: -101.2 + 60 * perPixel });
    const asA = await signedInRequester(world.careManagerA.email);
    for (const zoom of [9, 10, 11, 12, 13]) {
      const body = (await get(`/api/assets?bbox=-101.5,45.0,-100.5,45.5&zoom=${zoom}&limit=2`, asA)).body as Clustered;
      expect(sum(body)).toBe(41);
      const clusters = body.clusters!.map(([lng, lat, count]) => ({ lng, lat, count }));
      for (let i = 0; i < clusters.length; i++) for (let j = i + 1; j < clusters.length; j++) expect(overlaps(clusters[i], clusters[j], zoom), `zoom ${zoom}: ${JSON.stringify([clusters[i], clusters[j]])}`).toBe(false);
      // A marker of one asset still carries its id (a click opens it); a merged one does not.
      for (const [, , count, id] of body.clusters!) expect(typeof id === "string").toBe(count === 1);
    }
  });

  it("above the cluster zoom, or when the matches fit in a page, answers the plain point page", async () => {
    const asA = await signedInRequester(world.careManagerA.email);
    const near = (await get(`/api/assets?bbox=${BOX}&zoom=17&limit=2`, asA)).body as Clustered;
    expect(near.clusters).toBeUndefined();
    expect(near.features.length).toBe(2);
    expect(near.truncated).toBe(true);
    const fits = (await get(`/api/assets?bbox=${BOX}&zoom=10`, asA)).body as Clustered;
    expect(fits.clusters).toBeUndefined();
    expect(namesOf(fits)).toEqual([names.clinic, names.group, names.pantry, names.shelter].sort());
  });
});

describe("GET /api/assets/:id", () => {
  it("shows a member the detail with who vouched; hides coalition-only records from others as 404", async () => {
    const group = await db.asset.findFirstOrThrow({ where: { name: names.group } });
    const asA = await signedInRequester(world.careManagerA.email);
    const detail = await settle(() => assetDetail.loader({ request: asA.get(`/api/assets/${group.id}`), params: { assetId: group.id }, context: {} }));
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ name: names.group, vouchedBy: { name: "Director A", note: "We know them" }, openNow: true });
    const anon = await settle(() => assetDetail.loader({ request: anonymousGet(`/api/assets/${group.id}?coalition=${world.coalition.slug}`), params: { assetId: group.id }, context: {} }));
    expect(anon.status).toBe(404);
    const junk = await settle(() => assetDetail.loader({ request: asA.get(`/api/assets/not-a-uuid`), params: { assetId: "not-a-uuid" }, context: {} }));
    expect(junk.status).toBe(404);
  });
});
