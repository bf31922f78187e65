-- The sites of the filter with their counts, as "site". The counts "SiteCompliance" keeps as of today are read as they
-- are; those kept for a site as of another day (before the hourly refresh) are counted live, with the conditions of the rules
-- filled in from ComplianceRules.Sql. Two branches rather than a CASE, so the planner costs the live counts only
-- for the few rows that need them. A filter parameter left null means any.
WITH site AS (
    SELECT c."SiteId" AS "Id", c."Name", c."Region", c."VenueTypeKey", c."Tier", c."MethodologyVersionId" AS "VersionId",
           c."HasPlan" AS has_plan, c."MethodologyVersionId" IS NOT DISTINCT FROM (SELECT v."Id" FROM "MethodologyVersions" v
               WHERE v."Status" = 'Published' ORDER BY v."PublishedAt" DESC LIMIT 1) AS is_current,
           c."CountedWeight" AS counted_weight, c."ImplementedWeight" AS implemented_weight, c."EssentialCounted" AS essential_counted,
           c."EssentialImplemented" AS essential_implemented, c."SetAside" AS set_aside, c."OpenFindings" AS open_findings,
           c."OverdueMeasures" AS overdue_measures, c."OverdueReviews" AS overdue_reviews,
           c."OverdueFindings" AS overdue_findings, c."DrillsLast12Months" AS drills
    FROM "SiteCompliance" c
    WHERE c."Day" = @today
      AND (@region::text IS NULL OR c."Region" = @region) AND (@venue_type::text IS NULL OR c."VenueTypeKey" = @venue_type)
      AND (@tier::text IS NULL OR c."Tier" = @tier) AND (@version::uuid IS NULL OR c."MethodologyVersionId" = @version)
    UNION ALL
    SELECT c."SiteId" AS "Id", c."Name", c."Region", c."VenueTypeKey", c."Tier", c."MethodologyVersionId" AS "VersionId",
           c."HasPlan" AS has_plan, c."MethodologyVersionId" IS NOT DISTINCT FROM (SELECT v."Id" FROM "MethodologyVersions" v
               WHERE v."Status" = 'Published' ORDER BY v."PublishedAt" DESC LIMIT 1) AS is_current,
           c."CountedWeight" AS counted_weight, c."ImplementedWeight" AS implemented_weight, c."EssentialCounted" AS essential_counted,
           c."EssentialImplemented" AS essential_implemented, c."SetAside" AS set_aside, c."OpenFindings" AS open_findings,
           (SELECT count(*) FROM "PlanMeasures" m WHERE m."SiteId" = c."SiteId" AND {{measure_applicable}} AND {{measure_overdue}})::int,
           (SELECT count(*) FROM "PlanMeasures" m WHERE m."SiteId" = c."SiteId" AND {{measure_applicable}} AND {{review_overdue}})::int,
           (SELECT count(*) FROM "Findings" f WHERE f."SiteId" = c."SiteId" AND {{finding_overdue}})::int,
           (SELECT count(*) FROM "PlaybookRuns" d WHERE d."SiteId" = c."SiteId" AND {{recent_drill}})::int
    FROM "SiteCompliance" c
    WHERE (c."Day" < @today OR c."Day" > @today)
      AND (@region::text IS NULL OR c."Region" = @region) AND (@venue_type::text IS NULL OR c."VenueTypeKey" = @venue_type)
      AND (@tier::text IS NULL OR c."Tier" = @tier) AND (@version::uuid IS NULL OR c."MethodologyVersionId" = @version)
)
