CREATE TABLE "SiteCompliance" (
    "SiteId" uuid PRIMARY KEY REFERENCES "Sites" ("Id") ON DELETE CASCADE,
    "Day" date NOT NULL,
    "Name" varchar(200) NOT NULL,
    "Region" varchar(32) NOT NULL,
    "VenueTypeKey" varchar(100) NOT NULL,
    "Tier" varchar(100) NOT NULL,
    "MethodologyVersionId" uuid NULL,
    "HasPlan" boolean NOT NULL,
    "CountedWeight" bigint NOT NULL,
    "ImplementedWeight" bigint NOT NULL,
    "EssentialCounted" integer NOT NULL,
    "EssentialImplemented" integer NOT NULL,
    "SetAside" integer NOT NULL,
    "OverdueMeasures" integer NOT NULL,
    "OverdueReviews" integer NOT NULL,
    "OpenFindings" integer NOT NULL,
    "OverdueFindings" integer NOT NULL,
    "DrillsLast12Months" integer NOT NULL
);
CREATE INDEX "IX_SiteCompliance_Day" ON "SiteCompliance" ("Day");
CREATE INDEX "IX_SiteCompliance_Region" ON "SiteCompliance" ("Region");

CREATE FUNCTION refresh_site_compliance(sites uuid[], day date) RETURNS void LANGUAGE sql AS $$
    -- An upsert, not delete and insert: two transactions refreshing the same site must not collide.
    INSERT INTO "SiteCompliance"
    SELECT s."Id", day, s."Name", s."Region", s."VenueTypeKey", coalesce(l."Tier", ''), l."MethodologyVersionId", l."Tier" IS NOT NULL,
           coalesce(m.counted_weight, 0), coalesce(m.implemented_weight, 0), m.essential_counted, m.essential_implemented,
           m.set_aside, m.overdue_measures, m.overdue_reviews, f.open, f.overdue, d.held
    FROM "Sites" s
    LEFT JOIN LATERAL (
        SELECT p."Tier", p."MethodologyVersionId" FROM "SitePlans" p WHERE p."SiteId" = s."Id" ORDER BY p."Revision" DESC LIMIT 1
    ) l ON true
    CROSS JOIN LATERAL (
        SELECT sum(w.weight) FILTER (WHERE x."Status" <> 'NotApplicable') AS counted_weight,
               sum(w.weight) FILTER (WHERE x."Status" = 'Implemented') AS implemented_weight,
               count(*) FILTER (WHERE x."Priority" = 'Essential' AND x."Status" <> 'NotApplicable') AS essential_counted,
               count(*) FILTER (WHERE x."Priority" = 'Essential' AND x."Status" = 'Implemented') AS essential_implemented,
               count(*) FILTER (WHERE x."Status" = 'NotApplicable') AS set_aside,
               count(*) FILTER (WHERE x."Status" IN ('NotStarted', 'InProgress') AND x."DueDate" < day) AS overdue_measures,
               count(*) FILTER (WHERE x."NextReview" < day) AS overdue_reviews
        FROM "PlanMeasures" x
        CROSS JOIN LATERAL (SELECT CASE x."Priority" WHEN 'Essential' THEN 3 WHEN 'Recommended' THEN 2 ELSE 1 END AS weight) w
        WHERE x."SiteId" = s."Id" AND x."IsApplicable"
    ) m
    CROSS JOIN LATERAL (
        SELECT count(*) AS open, count(*) FILTER (WHERE x."DueDate" < day) AS overdue
        FROM "Findings" x WHERE x."SiteId" = s."Id" AND x."Status" <> 'Closed'
    ) f
    CROSS JOIN LATERAL (
        SELECT count(*) AS held FROM "Drills" x
        WHERE x."SiteId" = s."Id" AND x."HeldOn" > (day - interval '1 year')::date AND x."HeldOn" <= day
    ) d
    WHERE s."Id" = ANY (sites)
    ON CONFLICT ("SiteId") DO UPDATE SET
        "Day" = excluded."Day", "Name" = excluded."Name", "Region" = excluded."Region", "VenueTypeKey" = excluded."VenueTypeKey",
        "Tier" = excluded."Tier", "MethodologyVersionId" = excluded."MethodologyVersionId", "HasPlan" = excluded."HasPlan",
        "CountedWeight" = excluded."CountedWeight", "ImplementedWeight" = excluded."ImplementedWeight",
        "EssentialCounted" = excluded."EssentialCounted", "EssentialImplemented" = excluded."EssentialImplemented",
        "SetAside" = excluded."SetAside", "OverdueMeasures" = excluded."OverdueMeasures", "OverdueReviews" = excluded."OverdueReviews",
        "OpenFindings" = excluded."OpenFindings", "OverdueFindings" = excluded."OverdueFindings",
        "DrillsLast12Months" = excluded."DrillsLast12Months";
$$;

-- The day triggers count for: the day readers last brought the table to, so the rows they write stay current.
CREATE FUNCTION site_compliance_day() RETURNS date LANGUAGE sql STABLE AS $$
    SELECT coalesce(max("Day"), (now() AT TIME ZONE 'UTC')::date) FROM "SiteCompliance";
$$;

CREATE FUNCTION site_compliance_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_site_compliance(ARRAY(SELECT DISTINCT "SiteId" FROM new_rows), site_compliance_day());
    RETURN NULL;
END $$;

CREATE FUNCTION site_compliance_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_site_compliance(ARRAY(SELECT "SiteId" FROM new_rows UNION SELECT "SiteId" FROM old_rows), site_compliance_day());
    RETURN NULL;
END $$;

CREATE FUNCTION site_compliance_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_site_compliance(ARRAY(SELECT DISTINCT "SiteId" FROM old_rows), site_compliance_day());
    RETURN NULL;
END $$;

CREATE FUNCTION site_compliance_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_site_compliance(ARRAY(SELECT "Id" FROM "Sites"), site_compliance_day());
    RETURN NULL;
END $$;

CREATE FUNCTION site_compliance_sites_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM refresh_site_compliance(ARRAY(SELECT "Id" FROM new_rows), site_compliance_day());
    RETURN NULL;
END $$;

CREATE TRIGGER site_compliance_inserted AFTER INSERT ON "Sites"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_sites_written();
CREATE TRIGGER site_compliance_updated AFTER UPDATE ON "Sites"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_sites_written();
CREATE TRIGGER site_compliance_inserted AFTER INSERT ON "PlanMeasures"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_inserted();
CREATE TRIGGER site_compliance_updated AFTER UPDATE ON "PlanMeasures"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_updated();
CREATE TRIGGER site_compliance_deleted AFTER DELETE ON "PlanMeasures"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_deleted();
CREATE TRIGGER site_compliance_truncated AFTER TRUNCATE ON "PlanMeasures"
    FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_truncated();
CREATE TRIGGER site_compliance_inserted AFTER INSERT ON "SitePlans"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_inserted();
CREATE TRIGGER site_compliance_updated AFTER UPDATE ON "SitePlans"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_updated();
CREATE TRIGGER site_compliance_deleted AFTER DELETE ON "SitePlans"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_deleted();
CREATE TRIGGER site_compliance_truncated AFTER TRUNCATE ON "SitePlans"
    FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_truncated();
CREATE TRIGGER site_compliance_inserted AFTER INSERT ON "Findings"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_inserted();
CREATE TRIGGER site_compliance_updated AFTER UPDATE ON "Findings"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_updated();
CREATE TRIGGER site_compliance_deleted AFTER DELETE ON "Findings"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_deleted();
CREATE TRIGGER site_compliance_truncated AFTER TRUNCATE ON "Findings"
    FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_truncated();
CREATE TRIGGER site_compliance_inserted AFTER INSERT ON "Drills"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_inserted();
CREATE TRIGGER site_compliance_updated AFTER UPDATE ON "Drills"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_updated();
CREATE TRIGGER site_compliance_deleted AFTER DELETE ON "Drills"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_deleted();
CREATE TRIGGER site_compliance_truncated AFTER TRUNCATE ON "Drills"
    FOR EACH STATEMENT EXECUTE FUNCTION site_compliance_truncated();
SELECT refresh_site_compliance(ARRAY(SELECT "Id" FROM "Sites"), (now() AT TIME ZONE 'UTC')::date);
