-- Hand-written: every statement that writes "Asset" rows bumps "AssetMapVersion" for the coalitions
-- it touched. The map API keeps server-side cluster indexes in memory and rebuilds one when its
-- coalition's version moved (docs/decisions/014-map-api-json-in-sql-and-server-clusters.md).
-- Statement-level with transition tables: a bulk import of 50,000 rows bumps once, not 50,000 times.
CREATE FUNCTION hub_asset_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "AssetMapVersion" ("coalitionId", "version") SELECT DISTINCT "coalitionId", 1 FROM new_rows
      ON CONFLICT ("coalitionId") DO UPDATE SET "version" = "AssetMapVersion"."version" + 1;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "AssetMapVersion" ("coalitionId", "version")
      SELECT "coalitionId", 1 FROM new_rows UNION SELECT "coalitionId", 1 FROM old_rows
      ON CONFLICT ("coalitionId") DO UPDATE SET "version" = "AssetMapVersion"."version" + 1;
  ELSE
    INSERT INTO "AssetMapVersion" ("coalitionId", "version") SELECT DISTINCT "coalitionId", 1 FROM old_rows
      ON CONFLICT ("coalitionId") DO UPDATE SET "version" = "AssetMapVersion"."version" + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Asset_map_version_insert" AFTER INSERT ON "Asset" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hub_asset_map_version();
CREATE TRIGGER "Asset_map_version_update" AFTER UPDATE ON "Asset" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hub_asset_map_version();
CREATE TRIGGER "Asset_map_version_delete" AFTER DELETE ON "Asset" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION hub_asset_map_version();
