-- The snapshot of the month: the figures of every site summed per region, venue type, tier and methodology version.
INSERT INTO "ComplianceSnapshots" ("Id", "Month", "Region", "VenueTypeKey", "Tier", "MethodologyVersionId", "TakenAt",
    "Sites", "SitesWithPlan", "SitesWithCurrentPlan", "CountedWeight", "ImplementedWeight", "EssentialCounted",
    "EssentialImplemented", "SetAside", "OverdueMeasures", "OverdueReviews", "OpenFindings", "OverdueFindings",
    "DrillsLast12Months", "SitesDrilledLast12Months")
SELECT gen_random_uuid(), @month, site."Region", site."VenueTypeKey", site."Tier", site."VersionId", now(),
{{sums}}
GROUP BY site."Region", site."VenueTypeKey", site."Tier", site."VersionId"
