-- Hand-written: "open now" in SQL for the map API (GET /api/assets). Core PostgreSQL + PL/pgSQL
-- only, so it runs on PGlite too. The rules are those of app/modules/directory/open-now.ts (the
-- detail panel and the exports still use that code; tests pin the two together).
-- See docs/decisions/014-map-api-json-in-sql-and-server-clusters.md.
--
-- The axis: every local calendar date matches a few "day keys" (k):
--   0..6   ISO weekday (Monday = 0)            7      every day
--   8..38  day of month 1..31 (7 + d)          39..69 day of month from the end, -1..-31 (38 + n)
--   70..104  nth weekday of the month, 1..5 (70 + (nth-1)*7 + weekday)
--   105..139 nth weekday from the end, -1..-5 (105 + (n-1)*7 + weekday)
-- A rule that occurs on key k from `opens` to `closes` (minutes) covers
--   [k*2880 + opens, k*2880 + closes)          when closes > opens
--   [k*2880 + opens, k*2880 + 1440 + closes)   overnight (or 24 h): it runs into the next day.
-- "Now" (local minute m) probes k*2880 + m for today's keys and k*2880 + 1440 + m for yesterday's.

-- "HH:MM[:SS]" → minutes (at most 24:00), else NULL.
CREATE FUNCTION hub_minutes(value text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN m IS NOT NULL AND m[1]::int * 60 + m[2]::int <= 1440 THEN m[1]::int * 60 + m[2]::int END
  FROM (SELECT regexp_match(btrim(value, E' \t\r\n'), '^(\d{1,2}):(\d{2})(?::\d{2})?$') AS m) parsed
$$;

-- Is this a time zone PostgreSQL knows?
CREATE FUNCTION hub_zone_valid(zone text) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF zone IS NULL OR zone = '' THEN RETURN false; END IF;
  PERFORM now() AT TIME ZONE zone;
  RETURN true;
EXCEPTION WHEN others THEN
  RETURN false;
END $$;

-- The windows of one schedule rule on the day-key axis (its validity dates and time zone aside).
CREATE FUNCTION hub_rule_axis(rule jsonb) RETURNS int4multirange LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  opens integer := hub_minutes(rule->>'opensAt');
  closes integer := hub_minutes(rule->>'closesAt');
  freq text := upper(coalesce(rule->>'freq', 'WEEKLY'));
  codes constant text[] := ARRAY['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
  days text[];
  keys integer[] := '{}';
  entry text;
  parts text[];
  n integer;
  dow integer;
  k integer;
  result int4multirange := '{}';
BEGIN
  IF opens IS NULL OR closes IS NULL THEN RETURN result; END IF;
  SELECT coalesce(array_agg(upper(btrim(d, E' \t\r\n'))) FILTER (WHERE btrim(d, E' \t\r\n') <> ''), '{}')
    INTO days FROM unnest(string_to_array(coalesce(rule->>'byday', ''), ',')) AS d;
  IF freq = 'MONTHLY' THEN
    FOREACH entry IN ARRAY string_to_array(coalesce(rule->>'bymonthday', ''), ',') LOOP
      entry := btrim(entry, E' \t\r\n');
      CONTINUE WHEN entry !~ '^[+-]?\d{1,3}$';
      n := entry::integer;
      IF n BETWEEN 1 AND 31 THEN keys := keys || (7 + n);
      ELSIF n BETWEEN -31 AND -1 THEN keys := keys || (38 - n);
      END IF;
    END LOOP;
    FOREACH entry IN ARRAY days LOOP
      parts := regexp_match(entry, '^(-?\d)?(MO|TU|WE|TH|FR|SA|SU)$');
      CONTINUE WHEN parts IS NULL;
      dow := array_position(codes, parts[2]) - 1;
      IF parts[1] IS NULL THEN keys := keys || dow;
      ELSE
        n := parts[1]::integer;
        IF n BETWEEN 1 AND 5 THEN keys := keys || (70 + (n - 1) * 7 + dow);
        ELSIF n BETWEEN -5 AND -1 THEN keys := keys || (105 + (-n - 1) * 7 + dow);
        END IF;
      END IF;
    END LOOP;
  ELSIF freq = 'DAILY' OR cardinality(days) = 0 THEN
    keys := ARRAY[7];
  ELSE
    FOREACH entry IN ARRAY days LOOP
      dow := array_position(codes, entry);
      IF dow IS NOT NULL THEN keys := keys || (dow - 1); END IF;
    END LOOP;
  END IF;
  FOREACH k IN ARRAY keys LOOP
    result := result + int4multirange(int4range(k * 2880 + opens, k * 2880 + CASE WHEN closes > opens THEN closes ELSE 1440 + closes END));
  END LOOP;
  RETURN result;
END $$;

-- The day keys a local date matches.
CREATE FUNCTION hub_day_keys(day date) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ARRAY[w, 7, 7 + d, 38 + (dim - d + 1), 70 + ((d + 6) / 7 - 1) * 7 + w, 105 + ((dim - d + 7) / 7 - 1) * 7 + w]
  FROM (SELECT extract(isodow FROM day)::int - 1 AS w, extract(day FROM day)::int AS d,
               extract(day FROM date_trunc('month', day) + interval '1 month - 1 day')::int AS dim) parts
$$;

-- The probe for a local time: today's keys at minute m, yesterday's at 1440 + m.
CREATE FUNCTION hub_local_probe(local timestamp, today_ok boolean DEFAULT true, yesterday_ok boolean DEFAULT true) RETURNS int4multirange LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(range_agg(int4range(p, p + 1)), '{}')
  FROM (
    SELECT k * 2880 + m AS p FROM unnest(hub_day_keys(local::date)) AS k, (SELECT extract(hour FROM local)::int * 60 + extract(minute FROM local)::int) AS mm(m) WHERE today_ok
    UNION ALL
    SELECT k * 2880 + 1440 + m FROM unnest(hub_day_keys(local::date - 1)) AS k, (SELECT extract(hour FROM local)::int * 60 + extract(minute FROM local)::int) AS mm(m) WHERE yesterday_ok
  ) points
$$;

-- The probe for an instant in a zone (empty for an unknown zone: nothing is open there).
CREATE FUNCTION hub_open_probe(at timestamptz, zone text) RETURNS int4multirange LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF NOT hub_zone_valid(zone) THEN RETURN '{}'; END IF;
  RETURN hub_local_probe(at AT TIME ZONE zone);
END $$;

-- The general case, rule by rule: a rule's own time zone, validity dates. Used for rows whose
-- precomputed axis is not exact (see "hoursExact").
CREATE FUNCTION hub_asset_open_at(schedules jsonb, zone text, at timestamptz) RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
  rule jsonb;
  z text;
  local timestamp;
  valid_from text;
  valid_to text;
  today text;
  yesterday text;
BEGIN
  IF jsonb_typeof(schedules) IS DISTINCT FROM 'array' THEN RETURN false; END IF;
  FOR rule IN SELECT value FROM jsonb_array_elements(schedules) LOOP
    z := CASE WHEN hub_zone_valid(rule->>'timezone') THEN rule->>'timezone' ELSE zone END;
    CONTINUE WHEN NOT hub_zone_valid(z);
    local := at AT TIME ZONE z;
    today := to_char(local, 'YYYY-MM-DD');
    yesterday := to_char(local - interval '1 day', 'YYYY-MM-DD');
    valid_from := left(nullif(rule->>'validFrom', ''), 10);
    valid_to := left(nullif(rule->>'validTo', ''), 10);
    IF hub_rule_axis(rule) && hub_local_probe(local,
         (valid_from IS NULL OR today >= valid_from) AND (valid_to IS NULL OR today <= valid_to),
         (valid_from IS NULL OR yesterday >= valid_from) AND (valid_to IS NULL OR yesterday <= valid_to)) THEN
      RETURN true;
    END IF;
  END LOOP;
  RETURN false;
END $$;

-- Keeps "openAxis" and "hoursExact" in step with "schedules" on every write path (Prisma, imports, seed).
CREATE FUNCTION hub_asset_hours() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rule jsonb;
  axis int4multirange := '{}';
  exact boolean := hub_zone_valid(NEW."timeZone");
BEGIN
  IF jsonb_typeof(NEW."schedules") = 'array' THEN
    FOR rule IN SELECT value FROM jsonb_array_elements(NEW."schedules") LOOP
      axis := axis + hub_rule_axis(rule);
      IF nullif(rule->>'validFrom', '') IS NOT NULL OR nullif(rule->>'validTo', '') IS NOT NULL
         OR (nullif(rule->>'timezone', '') IS NOT NULL AND rule->>'timezone' <> NEW."timeZone") THEN
        exact := false;
      END IF;
    END LOOP;
  END IF;
  NEW."openAxis" := axis;
  NEW."hoursExact" := exact;
  RETURN NEW;
END $$;

CREATE TRIGGER "Asset_open_hours" BEFORE INSERT OR UPDATE OF "schedules", "timeZone" ON "Asset"
  FOR EACH ROW EXECUTE FUNCTION hub_asset_hours();

UPDATE "Asset" SET "schedules" = "schedules";
