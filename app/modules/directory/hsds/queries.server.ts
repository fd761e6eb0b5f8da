/**
 * HSDS 3.0 reads. Public records for anyone; coalition-only ones for members and member API keys
 * (see viewer.server.ts). Lists use the HSDS paging shape.
 */
import { db, Prisma } from "~/utils/db.server";
import { AppError, notFound } from "~/utils/app-error";
import type { DirectoryViewer } from "../viewer.server";
import { codesForTermId, SDOH_TAXONOMY, SDOH_TERMS } from "./taxonomy";
import { hsdsLocation, hsdsOrganization, hsdsPage, hsdsService, hsdsServiceSummary } from "./serialize";
import type { HsdsListParams } from "./schemas";

export const HSDS_VERSION = "3.0";

const visible = (viewer: DirectoryViewer) => (viewer.member ? {} : { visibility: "PUBLIC" as const });

async function zoneOf(coalitionId: string) {
  return (await db.coalition.findUnique({ where: { id: coalitionId }, select: { timeZone: true } }))?.timeZone ?? "America/Denver";
}

function termCodes(params: HsdsListParams) {
  if (params.taxonomy_id && params.taxonomy_id !== SDOH_TAXONOMY.id) return [] as string[];
  if (!params.taxonomy_term_id) return null;
  const codes = codesForTermId(params.taxonomy_term_id);
  if (!codes) throw new AppError({ message: "Unknown taxonomy_term_id: see /api/hsds/taxonomy_terms" });
  return codes;
}

const fullInclude = (viewer: DirectoryViewer) => ({
  organization: true,
  schedules: { where: { serviceAtLocationId: null } },
  phones: true,
  atLocations: {
    where: { location: { deletedAt: null, ...visible(viewer) } },
    orderBy: { createdAt: "asc" as const },
    include: { schedules: true, location: { include: { schedules: { where: { serviceAtLocationId: null } }, phones: true } } },
  },
});

function serviceWhere(viewer: DirectoryViewer, params: HsdsListParams): Prisma.DirectoryServiceWhereInput {
  const codes = termCodes(params);
  return {
    coalitionId: viewer.coalitionId, deletedAt: null, ...visible(viewer),
    ...(codes ? { sdohCodes: { hasSome: codes } } : {}),
    ...(params.organization_id ? { organizationId: params.organization_id } : {}),
    ...(params.modified_after ? { updatedAt: { gte: params.modified_after } } : {}),
    ...(params.search ? { OR: [{ name: { contains: params.search, mode: "insensitive" as const } }, { description: { contains: params.search, mode: "insensitive" as const } }] } : {}),
  };
}

export async function listServices(viewer: DirectoryViewer, params: HsdsListParams) {
  const where = serviceWhere(viewer, params);
  const page = { where, orderBy: [{ name: "asc" as const }, { id: "asc" as const }], skip: (params.page - 1) * params.per_page, take: params.per_page };
  const total = await db.directoryService.count({ where });
  if (params.full === "true") {
    const zone = await zoneOf(viewer.coalitionId);
    const rows = await db.directoryService.findMany({ ...page, include: fullInclude(viewer) });
    return hsdsPage(rows.map((r) => hsdsService(r, zone)), { total, page: params.page, perPage: params.per_page });
  }
  const rows = await db.directoryService.findMany(page);
  return hsdsPage(rows.map(hsdsServiceSummary), { total, page: params.page, perPage: params.per_page });
}

export async function getService(viewer: DirectoryViewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Service not found");
  const row = await db.directoryService.findFirst({ where: { id, coalitionId: viewer.coalitionId, deletedAt: null, ...visible(viewer) }, include: fullInclude(viewer) });
  if (!row) throw notFound("Service not found");
  return hsdsService(row, await zoneOf(viewer.coalitionId));
}

function organizationWhere(viewer: DirectoryViewer, params: HsdsListParams): Prisma.OrganizationWhereInput {
  return {
    deletedAt: null,
    OR: [
      { directoryServices: { some: { coalitionId: viewer.coalitionId, deletedAt: null, ...visible(viewer) } } },
      { coalitions: { some: { coalitionId: viewer.coalitionId, status: "ACTIVE" } } },
    ],
    ...(params.search ? { name: { contains: params.search, mode: "insensitive" as const } } : {}),
  };
}

export async function listOrganizations(viewer: DirectoryViewer, params: HsdsListParams) {
  const where = organizationWhere(viewer, params);
  const [total, rows] = await Promise.all([
    db.organization.count({ where }),
    db.organization.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (params.page - 1) * params.per_page, take: params.per_page }),
  ]);
  return hsdsPage(rows.map(hsdsOrganization), { total, page: params.page, perPage: params.per_page });
}

export async function getOrganization(viewer: DirectoryViewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Organization not found");
  const org = await db.organization.findFirst({ where: { id, ...organizationWhere(viewer, { page: 1, per_page: 1 }) } });
  if (!org) throw notFound("Organization not found");
  const locations = await db.directoryLocation.findMany({ where: { organizationId: id, coalitionId: viewer.coalitionId, deletedAt: null, ...visible(viewer) }, orderBy: { name: "asc" }, take: 500 });
  const zone = await zoneOf(viewer.coalitionId);
  const services = await db.directoryService.findMany({ where: { organizationId: id, coalitionId: viewer.coalitionId, deletedAt: null, ...visible(viewer) }, orderBy: { name: "asc" }, select: { id: true, name: true } });
  return { ...hsdsOrganization(org), locations: locations.map((l) => hsdsLocation(l, {}, zone)), services: services.map((s) => ({ id: s.id, name: s.name })) };
}

export function listTaxonomies(params: HsdsListParams) {
  const matches = !params.search || SDOH_TAXONOMY.name.toLowerCase().includes(params.search.toLowerCase());
  const all = matches ? [SDOH_TAXONOMY] : [];
  return hsdsPage(all.slice((params.page - 1) * params.per_page, params.page * params.per_page), { total: all.length, page: params.page, perPage: params.per_page });
}

export function getTaxonomy(id: string) {
  if (id !== SDOH_TAXONOMY.id) throw notFound("Taxonomy not found");
  return SDOH_TAXONOMY;
}

export function listTaxonomyTerms(params: HsdsListParams) {
  let terms = SDOH_TERMS;
  if (params.taxonomy_id && params.taxonomy_id !== SDOH_TAXONOMY.id) terms = [];
  if (params.top_only === "true") terms = terms.filter((t) => !t.parent_id);
  if (params.parent_id) terms = terms.filter((t) => t.parent_id === params.parent_id);
  if (params.search) {
    const q = params.search.toLowerCase();
    terms = terms.filter((t) => t.name.toLowerCase().includes(q) || t.code.includes(q));
  }
  return hsdsPage(terms.slice((params.page - 1) * params.per_page, params.page * params.per_page), { total: terms.length, page: params.page, perPage: params.per_page });
}

export function getTaxonomyTerm(id: string) {
  const term = SDOH_TERMS.find((t) => t.id === id);
  if (!term) throw notFound("Taxonomy term not found");
  return term;
}

/** Services at locations, with `postcode` and `proximity=lat,lng,km` (nearest first). Reads the map's Asset rows. */
export async function listServiceAtLocations(viewer: DirectoryViewer, params: HsdsListParams) {
  const codes = termCodes(params);
  const where: Prisma.Sql[] = [Prisma.sql`a."coalitionId" = ${viewer.coalitionId}::uuid`, Prisma.sql`a."deletedAt" IS NULL`, Prisma.sql`a."serviceAtLocationId" IS NOT NULL`];
  if (!viewer.member) where.push(Prisma.sql`a."visibility" = 'PUBLIC'`);
  if (codes) where.push(codes.length ? Prisma.sql`a."sdohCodes" && ARRAY[${Prisma.join(codes)}]::text[]` : Prisma.sql`false`);
  if (params.organization_id) where.push(Prisma.sql`a."organizationId" = ${params.organization_id}::uuid`);
  if (params.modified_after) where.push(Prisma.sql`a."updatedAt" >= ${params.modified_after}`);
  if (params.postcode) where.push(Prisma.sql`a."postalCode" = ${params.postcode.slice(0, 5)}`);
  if (params.search) where.push(Prisma.sql`a."searchText" LIKE ${`%${params.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  let distance = Prisma.sql`0`;
  if (params.proximity) {
    const { lat, lng, km } = params.proximity;
    const dLat = km / 111.2;
    const dLng = km / (111.2 * Math.max(0.01, Math.cos((lat * Math.PI) / 180)));
    where.push(Prisma.sql`point(a."longitude", a."latitude") <@ box(point(${lng - dLng}, ${lat - dLat}), point(${lng + dLng}, ${lat + dLat}))`);
    distance = Prisma.sql`(6371 * 2 * asin(sqrt(power(sin(radians(a."latitude" - ${lat}) / 2), 2) + cos(radians(${lat})) * cos(radians(a."latitude")) * power(sin(radians(a."longitude" - ${lng}) / 2), 2))))`;
    where.push(Prisma.sql`${distance} <= ${km}`);
  }
  const clause = Prisma.join(where, " AND ");
  const [{ n }] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Asset" a WHERE ${clause}`;
  const rows = await db.$queryRaw<{ salId: string; serviceId: string; locationId: string }[]>`
    SELECT a."serviceAtLocationId"::text AS "salId", a."serviceId"::text AS "serviceId", a."locationId"::text AS "locationId"
    FROM "Asset" a WHERE ${clause}
    ORDER BY ${params.proximity ? distance : Prisma.sql`a."name"`}, a."id"
    LIMIT ${params.per_page} OFFSET ${(params.page - 1) * params.per_page}`;
  const [services, locations] = await Promise.all([
    db.directoryService.findMany({ where: { id: { in: rows.map((r) => r.serviceId) } } }),
    db.directoryLocation.findMany({ where: { id: { in: rows.map((r) => r.locationId) } } }),
  ]);
  const zone = await zoneOf(viewer.coalitionId);
  const contents = rows.map((r) => {
    const service = services.find((s) => s.id === r.serviceId)!;
    const location = locations.find((l) => l.id === r.locationId)!;
    return { id: r.salId, service_id: r.serviceId, location_id: r.locationId, service: hsdsServiceSummary(service), location: hsdsLocation(location, {}, zone) };
  });
  return hsdsPage(contents, { total: Number(n), page: params.page, perPage: params.per_page });
}

export async function getServiceAtLocation(viewer: DirectoryViewer, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound("Service at location not found");
  const sal = await db.serviceAtLocation.findFirst({ where: { id, service: { coalitionId: viewer.coalitionId, deletedAt: null, ...visible(viewer) }, location: { deletedAt: null, ...visible(viewer) } } });
  if (!sal) throw notFound("Service at location not found");
  return getService(viewer, sal.serviceId);
}
