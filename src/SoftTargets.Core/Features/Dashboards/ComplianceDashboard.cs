using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Dashboards;

/// <summary>Which sites the figures cover; a null part means any. Tier and version come from each site's latest plan.</summary>
public sealed record DashboardFilter(Region? Region = null, string? VenueTypeKey = null, string? Tier = null, Guid? MethodologyVersionId = null);

public enum Breakdown
{
    Total,
    Region,
    VenueType,
    Tier,
    MethodologyVersion,
}

/// <summary>One group of a breakdown: its key (region name, venue type key, tier key, version id; empty for sites without a plan) and its figures.</summary>
public sealed record FigureGroup(Breakdown By, string Key, ComplianceFigures Figures);

/// <summary>What the filters offer: the current methodology's venue types and tiers, and every version sites' plans can follow.</summary>
public sealed record DashboardChoices(IReadOnlyList<CatalogItem> VenueTypes, IReadOnlyList<CatalogItem> Tiers, IReadOnlyList<(Guid Id, int Number)> Versions);

/// <summary>One site of a drill-down with its own figures.</summary>
public sealed record SiteFigures(Guid Id, string Name, Region Region, string VenueTypeKey, string Tier, ComplianceFigures Figures);

public sealed record ComplianceOverview(ComplianceFigures Totals, IReadOnlyList<FigureGroup> Groups)
{
    public IEnumerable<FigureGroup> By(Breakdown breakdown) => Groups.Where(g => g.By == breakdown);
}

/// <summary>
/// The national compliance figures for auditors and ministry staff. Every figure is counted by
/// PostgreSQL in one statement (the totals and the four breakdowns as grouping sets); no row is
/// loaded to be counted here.
/// </summary>
public sealed class ComplianceDashboard(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<DashboardChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = (await db.CurrentPublishedAsync(ct))?.Content;
        var versions = await db.MethodologyVersions.Where(v => v.Status != MethodologyVersionStatus.Draft)
            .OrderByDescending(v => v.Number).Select(v => new { v.Id, v.Number }).ToListAsync(ct);
        return new DashboardChoices(current?.VenueTypes ?? [], current?.Tiers.Select(t => new CatalogItem(t.Key, t.Name)).ToList() ?? [],
            versions.Select(v => (v.Id, v.Number)).ToList());
    }

    private async Task DemandReaderAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsIn(Roles.Auditor) || actor.IsIn(Roles.MethodologyEditor));
    }

    public async Task<ComplianceOverview> GetAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = MeasureDeadlines.Today(clock);
        var current = await db.CurrentPublishedIdAsync(ct);
        var rows = await db.Database.SqlQuery<FigureRow>(Query(filter, today, current)).ToListAsync(ct);

        var groups = rows.Select(r => new FigureGroup((Breakdown)r.Grouping, r.Key ?? "", r.ToFigures())).ToList();
        var totals = groups.FirstOrDefault(g => g.By == Breakdown.Total)?.Figures ?? new ComplianceFigures();
        return new ComplianceOverview(totals, groups.Where(g => g.By != Breakdown.Total)
            .OrderBy(g => g.By).ThenBy(g => g.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>The statement, also run by the benchmark against its hand-written twin.</summary>
    internal static FormattableString Query(DashboardFilter filter, DateOnly today, Guid? currentVersion) => Statement(filter, today, currentVersion, """
        SELECT CASE WHEN GROUPING(site."Region") = 0 THEN 1 WHEN GROUPING(site."VenueTypeKey") = 0 THEN 2
                    WHEN GROUPING(site."Tier") = 0 THEN 3 WHEN GROUPING(site."Version") = 0 THEN 4 ELSE 0 END AS "Grouping",
               coalesce(site."Region", site."VenueTypeKey", site."Tier", site."Version") AS "Key",
        """ + Sums + """
        GROUP BY GROUPING SETS ((), (site."Region"), (site."VenueTypeKey"), (site."Tier"), (site."Version"))
        """);

    /// <summary>Sites of the set with their own figures, lowest score first (sites without a score last), one page.</summary>
    public async Task<PagedResult<SiteFigures>> ListSitesAsync(DashboardFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = MeasureDeadlines.Today(clock);
        var current = await db.CurrentPublishedIdAsync(ct);
        var select = """
            SELECT site."Id", min(site."Name") AS "Name", min(site."Region") AS "Region", min(site."VenueTypeKey") AS "VenueTypeKey",
                   min(site."Tier") AS "Tier", count(*) OVER () AS "Total",
            """ + Sums + """
            GROUP BY site."Id"
            ORDER BY CASE WHEN coalesce(sum(measure.counted_weight), 0) = 0 THEN 1 ELSE 0 END,
                     coalesce(sum(measure.implemented_weight), 0)::numeric / nullif(sum(measure.counted_weight), 0), min(site."Name"), site."Id"
            LIMIT {0} OFFSET {1}
            """;
        var rows = await db.Database.SqlQuery<SiteRow>(Statement(filter, today, current, select, page.Take, page.Skip)).ToListAsync(ct);
        return new PagedResult<SiteFigures>(rows.Select(r => new SiteFigures(r.Id, r.Name, Enum.Parse<Region>(r.Region), r.VenueTypeKey, r.Tier, r.ToFigures())).ToList(),
            rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    private const string Sums = """
               count(*)::int AS "Sites",
               count(*) FILTER (WHERE site.has_plan)::int AS "SitesWithPlan",
               count(*) FILTER (WHERE site.has_plan AND site.is_current)::int AS "SitesWithCurrentPlan",
               coalesce(sum(measure.counted_weight), 0)::bigint AS "CountedWeight",
               coalesce(sum(measure.implemented_weight), 0)::bigint AS "ImplementedWeight",
               coalesce(sum(measure.essential_counted), 0)::int AS "EssentialCounted",
               coalesce(sum(measure.essential_implemented), 0)::int AS "EssentialImplemented",
               coalesce(sum(measure.set_aside), 0)::int AS "SetAside",
               coalesce(sum(measure.overdue_measures), 0)::int AS "OverdueMeasures",
               coalesce(sum(measure.overdue_reviews), 0)::int AS "OverdueReviews",
               coalesce(sum(finding.open), 0)::int AS "OpenFindings",
               coalesce(sum(finding.overdue), 0)::int AS "OverdueFindings",
               coalesce(sum(drill.held), 0)::int AS "DrillsLast12Months",
               count(drill."SiteId")::int AS "SitesDrilledLast12Months"
        FROM site
        LEFT JOIN measure ON measure."SiteId" = site."Id"
        LEFT JOIN finding ON finding."SiteId" = site."Id"
        LEFT JOIN drill ON drill."SiteId" = site."Id"
        """;

    /// <summary>The sites of the filter and their per-site counts as common table expressions, then <paramref name="select"/>.</summary>
    private static FormattableString Statement(DashboardFilter filter, DateOnly today, Guid? currentVersion, string select, params object?[] selectArguments)
    {
        object?[] arguments = [filter.Region?.ToString(), filter.VenueTypeKey, filter.Tier, filter.MethodologyVersionId, currentVersion, today, today.AddYears(-1)];
        // The select's own placeholders ({0}, {1}, ...) follow the filter's seven.
        var shifted = System.Text.RegularExpressions.Regex.Replace(select, @"\{(\d+)\}", m => "{" + (int.Parse(m.Groups[1].Value) + arguments.Length) + "}");
        var sql = """
            WITH latest AS (
                SELECT DISTINCT ON (p."SiteId") p."SiteId", p."Tier", p."MethodologyVersionId"
                FROM "SitePlans" p ORDER BY p."SiteId", p."Revision" DESC
            ), site AS (
                SELECT s."Id", s."Name", s."Region", s."VenueTypeKey", coalesce(l."Tier", '') AS "Tier",
                       coalesce(l."MethodologyVersionId"::text, '') AS "Version", l."SiteId" IS NOT NULL AS has_plan,
                       l."MethodologyVersionId" IS NOT DISTINCT FROM {4} AS is_current
                FROM "Sites" s LEFT JOIN latest l ON l."SiteId" = s."Id"
                WHERE ({0}::text IS NULL OR s."Region" = {0}) AND ({1}::text IS NULL OR s."VenueTypeKey" = {1})
                  AND ({2}::text IS NULL OR l."Tier" = {2}) AND ({3}::uuid IS NULL OR l."MethodologyVersionId" = {3})
            ), measure AS (
                SELECT m."SiteId",
                    sum(w.weight) FILTER (WHERE m."Status" <> 'NotApplicable') AS counted_weight,
                    sum(w.weight) FILTER (WHERE m."Status" = 'Implemented') AS implemented_weight,
                    count(*) FILTER (WHERE m."Priority" = 'Essential' AND m."Status" <> 'NotApplicable') AS essential_counted,
                    count(*) FILTER (WHERE m."Priority" = 'Essential' AND m."Status" = 'Implemented') AS essential_implemented,
                    count(*) FILTER (WHERE m."Status" = 'NotApplicable') AS set_aside,
                    count(*) FILTER (WHERE m."Status" IN ('NotStarted', 'InProgress') AND m."DueDate" < {5}) AS overdue_measures,
                    count(*) FILTER (WHERE m."NextReview" < {5}) AS overdue_reviews
                FROM "PlanMeasures" m
                CROSS JOIN LATERAL (SELECT CASE m."Priority" WHEN 'Essential' THEN 3 WHEN 'Recommended' THEN 2 ELSE 1 END AS weight) w
                WHERE m."IsApplicable" AND m."SiteId" IN (SELECT "Id" FROM site)
                GROUP BY m."SiteId"
            ), finding AS (
                SELECT f."SiteId", count(*) AS open, count(*) FILTER (WHERE f."DueDate" < {5}) AS overdue
                FROM "Findings" f WHERE f."Status" <> 'Closed' AND f."SiteId" IN (SELECT "Id" FROM site)
                GROUP BY f."SiteId"
            ), drill AS (
                SELECT d."SiteId", count(*) AS held
                FROM "Drills" d WHERE d."HeldOn" > {6} AND d."HeldOn" <= {5} AND d."SiteId" IN (SELECT "Id" FROM site)
                GROUP BY d."SiteId"
            )

            """ + shifted;
        return System.Runtime.CompilerServices.FormattableStringFactory.Create(sql, [.. arguments, .. selectArguments]);
    }

    /// <summary>One row of the per-site statement, named as its columns.</summary>
    internal sealed record SiteRow(Guid Id, string Name, string Region, string VenueTypeKey, string Tier, long Total, int Sites, int SitesWithPlan,
        int SitesWithCurrentPlan, long CountedWeight, long ImplementedWeight, int EssentialCounted, int EssentialImplemented, int SetAside,
        int OverdueMeasures, int OverdueReviews, int OpenFindings, int OverdueFindings, int DrillsLast12Months, int SitesDrilledLast12Months)
    {
        public ComplianceFigures ToFigures() => new FigureRow(0, null, Sites, SitesWithPlan, SitesWithCurrentPlan, CountedWeight, ImplementedWeight,
            EssentialCounted, EssentialImplemented, SetAside, OverdueMeasures, OverdueReviews, OpenFindings, OverdueFindings, DrillsLast12Months,
            SitesDrilledLast12Months).ToFigures();
    }

    /// <summary>One row of the statement, named as its columns.</summary>
    internal sealed record FigureRow(int Grouping, string? Key, int Sites, int SitesWithPlan, int SitesWithCurrentPlan, long CountedWeight,
        long ImplementedWeight, int EssentialCounted, int EssentialImplemented, int SetAside, int OverdueMeasures, int OverdueReviews,
        int OpenFindings, int OverdueFindings, int DrillsLast12Months, int SitesDrilledLast12Months)
    {
        public ComplianceFigures ToFigures() => new()
        {
            Sites = Sites, SitesWithPlan = SitesWithPlan, SitesWithCurrentPlan = SitesWithCurrentPlan, CountedWeight = CountedWeight,
            ImplementedWeight = ImplementedWeight, EssentialCounted = EssentialCounted, EssentialImplemented = EssentialImplemented,
            SetAside = SetAside, OverdueMeasures = OverdueMeasures, OverdueReviews = OverdueReviews, OpenFindings = OpenFindings,
            OverdueFindings = OverdueFindings, DrillsLast12Months = DrillsLast12Months, SitesDrilledLast12Months = SitesDrilledLast12Months,
        };
    }
}
