using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Plans;

namespace SoftTargets.Core.Data.Seed;

/// <summary>
/// A made-up year of monthly snapshots for demo and synthetic data, drawn back from the current
/// month's real snapshot: each month back, sites had implemented a little less and had more overdue.
/// Seed data only: a real installation builds its history one month at a time.
/// </summary>
internal static class SnapshotHistory
{
    public static async Task DrawAsync(SoftTargetsDbContext db, ComplianceSnapshots snapshots, TimeProvider clock, int months = 12, CancellationToken ct = default)
    {
        await snapshots.TakeAsync(ct);
        var today = MeasureDeadlines.Today(clock);
        var current = new DateOnly(today.Year, today.Month, 1);
        var earliest = current.AddMonths(1 - months);
        await db.ComplianceSnapshots.Where(s => s.Month >= earliest && s.Month < current).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ComplianceSnapshots" ("Id", "Month", "Region", "VenueTypeKey", "Tier", "MethodologyVersionId", "TakenAt",
                "Sites", "SitesWithPlan", "SitesWithCurrentPlan", "CountedWeight", "ImplementedWeight", "EssentialCounted",
                "EssentialImplemented", "SetAside", "OverdueMeasures", "OverdueReviews", "OpenFindings", "OverdueFindings",
                "DrillsLast12Months", "SitesDrilledLast12Months")
            SELECT gen_random_uuid(), (s."Month" - make_interval(months => k))::date, s."Region", s."VenueTypeKey", s."Tier",
                   s."MethodologyVersionId", s."TakenAt" - make_interval(months => k),
                   s."Sites", s."SitesWithPlan", s."SitesWithCurrentPlan", s."CountedWeight",
                   round(s."ImplementedWeight" * (1 - 0.035 * k)), s."EssentialCounted", round(s."EssentialImplemented" * (1 - 0.035 * k)),
                   s."SetAside", round(s."OverdueMeasures" * (1 + 0.06 * k)), round(s."OverdueReviews" * (1 + 0.04 * k)),
                   s."OpenFindings", s."OverdueFindings", round(s."DrillsLast12Months" * (1 - 0.03 * k)),
                   least(s."SitesDrilledLast12Months", round(s."SitesDrilledLast12Months" * (1 - 0.03 * k)))
            FROM "ComplianceSnapshots" s CROSS JOIN generate_series(1, {months - 1}) k
            WHERE s."Month" = {current}
            """, ct);
    }
}
