-- The totals and the four breakdowns. The figures add up, so the sites are first summed per combination of the
-- four keys (hundreds of rows) and the grouping sets are taken over those.
SELECT CASE WHEN GROUPING(combo."Region") = 0 THEN 1 WHEN GROUPING(combo."VenueTypeKey") = 0 THEN 2
            WHEN GROUPING(combo."Tier") = 0 THEN 3 WHEN GROUPING(combo."VersionId") = 0 THEN 4 ELSE 0 END AS "Grouping",
       coalesce(combo."Region", combo."VenueTypeKey", combo."Tier", coalesce(combo."VersionId"::text, '')) AS "Key",
       coalesce(sum(combo."Sites"), 0)::int AS "Sites",
       coalesce(sum(combo."SitesWithPlan"), 0)::int AS "SitesWithPlan",
       coalesce(sum(combo."SitesWithCurrentPlan"), 0)::int AS "SitesWithCurrentPlan",
       coalesce(sum(combo."CountedWeight"), 0)::bigint AS "CountedWeight",
       coalesce(sum(combo."ImplementedWeight"), 0)::bigint AS "ImplementedWeight",
       coalesce(sum(combo."EssentialCounted"), 0)::int AS "EssentialCounted",
       coalesce(sum(combo."EssentialImplemented"), 0)::int AS "EssentialImplemented",
       coalesce(sum(combo."SetAside"), 0)::int AS "SetAside",
       coalesce(sum(combo."OverdueMeasures"), 0)::int AS "OverdueMeasures",
       coalesce(sum(combo."OverdueReviews"), 0)::int AS "OverdueReviews",
       coalesce(sum(combo."OpenFindings"), 0)::int AS "OpenFindings",
       coalesce(sum(combo."OverdueFindings"), 0)::int AS "OverdueFindings",
       coalesce(sum(combo."DrillsLast12Months"), 0)::int AS "DrillsLast12Months",
       coalesce(sum(combo."SitesDrilledLast12Months"), 0)::int AS "SitesDrilledLast12Months"
FROM (SELECT site."Region", site."VenueTypeKey", site."Tier", site."VersionId",
{{sums}}
      GROUP BY site."Region", site."VenueTypeKey", site."Tier", site."VersionId") combo
GROUP BY GROUPING SETS ((), (combo."Region"), (combo."VenueTypeKey"), (combo."Tier"), (combo."VersionId"))
