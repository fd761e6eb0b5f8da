/** Reads of the coalition record shaped for pages. */
import { recordNotFound } from "~/utils/app-error";
import { db } from "~/utils/db.server";

/** Where the coalition's maps open (its name, centre and zoom); a deleted or unknown coalition is a 404. */
export async function getMapView(coalitionId: string) {
  const coalition = await db.coalition.findFirst({ where: { id: coalitionId, deletedAt: null }, select: { name: true, centerLatitude: true, centerLongitude: true, defaultZoom: true } });
  if (!coalition) throw recordNotFound("coalition");
  return coalition;
}
