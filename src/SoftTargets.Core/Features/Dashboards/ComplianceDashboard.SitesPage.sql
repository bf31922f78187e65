-- One row per site with its own figures, lowest score first (sites without a score last); only the page is sorted
-- out of the set (a null take is no limit).
SELECT site."Id", site."Name", site."Region", site."VenueTypeKey", site."Tier", count(*) OVER () AS "Total",
       1 AS "Sites", site.has_plan::int AS "SitesWithPlan", (site.has_plan AND site.is_current)::int AS "SitesWithCurrentPlan",
       site.counted_weight AS "CountedWeight", site.implemented_weight AS "ImplementedWeight",
       site.essential_counted AS "EssentialCounted", site.essential_implemented AS "EssentialImplemented", site.set_aside AS "SetAside",
       site.overdue_measures::int AS "OverdueMeasures", site.overdue_reviews::int AS "OverdueReviews", site.open_findings AS "OpenFindings",
       site.overdue_findings::int AS "OverdueFindings", site.drills::int AS "DrillsLast12Months", (site.drills > 0)::int AS "SitesDrilledLast12Months"
FROM site
ORDER BY CASE WHEN site.counted_weight = 0 THEN 1 ELSE 0 END, site.implemented_weight::numeric / nullif(site.counted_weight, 0), site."Name", site."Id"
LIMIT @take OFFSET @skip
