-- The figures of the groups of the filter month by month from the monthly snapshots, from the first month asked for.
SELECT "Month",
       sum("Sites")::bigint AS "Sites",
       sum("SitesWithPlan")::bigint AS "SitesWithPlan",
       sum("SitesWithCurrentPlan")::bigint AS "SitesWithCurrentPlan",
       sum("CountedWeight")::bigint AS "CountedWeight",
       sum("ImplementedWeight")::bigint AS "ImplementedWeight",
       sum("EssentialCounted")::bigint AS "EssentialCounted",
       sum("EssentialImplemented")::bigint AS "EssentialImplemented",
       sum("SetAside")::bigint AS "SetAside",
       sum("OverdueMeasures")::bigint AS "OverdueMeasures",
       sum("OverdueReviews")::bigint AS "OverdueReviews",
       sum("OpenFindings")::bigint AS "OpenFindings",
       sum("OverdueFindings")::bigint AS "OverdueFindings",
       sum("DrillsLast12Months")::bigint AS "DrillsLast12Months",
       sum("SitesDrilledLast12Months")::bigint AS "SitesDrilledLast12Months"
FROM "ComplianceSnapshots"
WHERE "Month" >= @from
  AND (@region::text IS NULL OR "Region" = @region) AND (@venue_type::text IS NULL OR "VenueTypeKey" = @venue_type)
  AND (@tier::text IS NULL OR "Tier" = @tier) AND (@version::uuid IS NULL OR "MethodologyVersionId" = @version)
GROUP BY "Month"
ORDER BY "Month"
