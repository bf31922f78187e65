-- The recount as 20261203093904_PlaybookRuns installed it.
CREATE OR REPLACE FUNCTION refresh_site_compliance(sites uuid[], day date) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    -- Wait for other transactions recounting these sites, so the count below (a new snapshot)
    -- sees what they wrote; row locks, not advisory ones, so a bulk statement can take 100,000.
    PERFORM 1 FROM "SiteCompliance" WHERE "SiteId" = ANY (sites) ORDER BY "SiteId" FOR UPDATE;
    -- An upsert, not delete and insert: two transactions refreshing a new site must not collide.
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
        SELECT count(*) AS held FROM "PlaybookRuns" x
        WHERE x."SiteId" = s."Id" AND x."Kind" = 'Drill' AND x."FinishedAt" IS NOT NULL
          AND x."HeldOn" > (day - interval '1 year')::date AND x."HeldOn" <= day
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
END $$;
