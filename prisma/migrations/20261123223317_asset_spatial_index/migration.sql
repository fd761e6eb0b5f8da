-- Hand-written: spatial index for the map's bbox query (GET /api/assets). Core PostgreSQL only
-- (no PostGIS), so it runs on PGlite too. The query filters with
--   point("longitude", "latitude") <@ box(point(minLng, minLat), point(maxLng, maxLat))
-- which this GiST index answers. See docs/decisions/011-bbox-query-with-a-gist-point-index.md.
CREATE INDEX "Asset_point_gist" ON "Asset" USING gist (point("longitude", "latitude")) WHERE "deletedAt" IS NULL;

-- Coordinates must be on Earth.
ALTER TABLE "Asset" ADD CONSTRAINT "Asset_coordinates_check" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "DirectoryLocation" ADD CONSTRAINT "DirectoryLocation_coordinates_check" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
