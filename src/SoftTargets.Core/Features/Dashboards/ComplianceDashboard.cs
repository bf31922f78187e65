using System.ComponentModel;
using System.Runtime.CompilerServices;
using SoftTargets.Core.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Dashboards;

/// <summary>Which sites the figures cover; a null part means any. Tier and version come from each site's latest plan.</summary>
public sealed record DashboardFilter(string? Region = null, string? VenueTypeKey = null, string? Tier = null, Guid? MethodologyVersionId = null);

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
public sealed record DashboardChoices(IReadOnlyList<CatalogItem> VenueTypes, IReadOnlyList<CatalogItem> Tiers, IReadOnlyList<(Guid Id, int Number)> Versions)
{
    /// <summary>The regions and measure categories of every methodology's newest published version.</summary>
    public CatalogueNames Names { get; init; } = CatalogueNames.None;
}

/// <summary>One site of a drill-down with its own figures.</summary>
public sealed record SiteFigures(Guid Id, string Name, string Region, string VenueTypeKey, string Tier, ComplianceFigures Figures);

/// <summary>How many assessed threats have a rating (View 0 inherent, 1 residual) at a likelihood and an impact.</summary>
public sealed record RiskCount(int View, int Likelihood, int Impact, int Count);

/// <summary>The assessed threats of a set of sites in the 5×5 matrix.</summary>
public sealed record RiskLandscape(IReadOnlyList<RiskCount> Cells)
{
    public int Count(RiskView view, int likelihood, int impact) =>
        Cells.FirstOrDefault(c => c.View == (int)view && c.Likelihood == likelihood && c.Impact == impact)?.Count ?? 0;

    /// <summary>Threat assessments in all (each is in one cell of each view).</summary>
    public int Total => Cells.Where(c => c.View == 0).Sum(c => c.Count);
}

/// <summary>The figures of a month, from its snapshot.</summary>
public sealed record MonthFigures(DateOnly Month, ComplianceFigures Figures);

public sealed record ComplianceOverview(ComplianceFigures Totals, IReadOnlyList<FigureGroup> Groups)
{
    public IEnumerable<FigureGroup> By(Breakdown breakdown) => Groups.Where(g => g.By == breakdown);
}

/// <summary>
/// The national compliance figures for auditors and ministry staff. Every figure is counted by
/// PostgreSQL in one statement (the totals and the four breakdowns as grouping sets); no row is
/// loaded to be counted here.
/// </summary>
public sealed class ComplianceDashboard(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock, HybridCache cache)
{
    public async Task<DashboardChoices> GetChoicesAsync(CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Only a published version's id is ever a key: its content never changes, so the entry is never stale.
        // The dashboards span every methodology: the venue types and tiers of each one's newest published version, the oldest first.
        var catalogues = VersionCatalogues.None;
        foreach (var choice in await db.PublishedChoicesAsync(ct))
        {
            var id = choice.VersionId;
            var of = await cache.GetOrCreateAsync($"methodology-version:{id}:catalogues", (db, id),
                static (state, token) => LoadCataloguesAsync(state.db, state.id, token), cancellationToken: ct);
            catalogues = catalogues == VersionCatalogues.None ? of : new VersionCatalogues(
                catalogues.VenueTypes.Concat(of.VenueTypes).DistinctBy(v => v.Key).ToList(),
                catalogues.Tiers.Concat(of.Tiers).DistinctBy(t => t.Key).ToList());
        }
        var versions = await db.MethodologyVersions.Where(v => v.Status != MethodologyVersionStatus.Draft)
            .OrderByDescending(v => v.Number).Select(v => new { v.Id, v.Number }).ToListAsync(ct);
        return new DashboardChoices(catalogues.VenueTypes, catalogues.Tiers, versions.Select(v => (v.Id, v.Number)).ToList())
        {
            Names = await MethodologyNames.PublishedAsync(db, cache, ct),
        };
    }

    private static async ValueTask<VersionCatalogues> LoadCataloguesAsync(SoftTargetsDbContext db, Guid id, CancellationToken ct)
    {
        var content = await db.MethodologyVersions.AsNoTracking().Where(v => v.Id == id).Select(v => v.Content).SingleAsync(ct);
        return new VersionCatalogues(content.VenueTypes, content.Tiers.Select(t => new CatalogItem(t.Key, t.Name)).ToList());
    }

    /// <summary>The venue types and tiers of a published version. Immutable, so the cache hands out one instance without copying it.</summary>
    [ImmutableObject(true)]
    internal sealed record VersionCatalogues(IReadOnlyList<CatalogItem> VenueTypes, IReadOnlyList<CatalogItem> Tiers)
    {
        public static readonly VersionCatalogues None = new([], []);
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
        var rows = await db.Database.SqlQuery<FigureRow>(Statement(filter, MeasureDeadlines.Today(clock), Overview)).ToListAsync(ct);

        var groups = rows.Select(r => new FigureGroup((Breakdown)r.Grouping, r.Key ?? "", r.ToFigures())).ToList();
        var totals = groups.FirstOrDefault(g => g.By == Breakdown.Total)?.Figures ?? new ComplianceFigures();
        return new ComplianceOverview(totals, groups.Where(g => g.By != Breakdown.Total)
            .OrderBy(g => g.By).ThenBy(g => g.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>The figures of the filter's sites without breakdowns: the same as <see cref="ComplianceOverview.Totals"/>, in one row.</summary>
    public async Task<ComplianceFigures> GetTotalsAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQuery<FigureRow>(Statement(filter, MeasureDeadlines.Today(clock), Totals)).ToListAsync(ct);
        return rows.Single().ToFigures();
    }

    private const string Totals = """
        SELECT 0 AS "Grouping", NULL::text AS "Key",
        """ + Sums;

    /// <summary>
    /// The totals and the four breakdowns. The figures add up, so the sites are first summed per
    /// combination of the four keys (hundreds of rows) and the grouping sets are taken over those.
    /// </summary>
    private static string Overview => """
        SELECT CASE WHEN GROUPING(combo."Region") = 0 THEN 1 WHEN GROUPING(combo."VenueTypeKey") = 0 THEN 2
                    WHEN GROUPING(combo."Tier") = 0 THEN 3 WHEN GROUPING(combo."VersionId") = 0 THEN 4 ELSE 0 END AS "Grouping",
               coalesce(combo."Region", combo."VenueTypeKey", combo."Tier", coalesce(combo."VersionId"::text, '')) AS "Key",
        """ + string.Join(",\n", FigureColumns.Select(c => $"""       coalesce(sum(combo."{c}"), 0)::{(c.EndsWith("Weight") ? "bigint" : "int")} AS "{c}" """)) + """

        FROM (SELECT site."Region", site."VenueTypeKey", site."Tier", site."VersionId",
        """ + Sums + """
              GROUP BY site."Region", site."VenueTypeKey", site."Tier", site."VersionId") combo
        GROUP BY GROUPING SETS ((), (combo."Region"), (combo."VenueTypeKey"), (combo."Tier"), (combo."VersionId"))
        """;

    /// <summary>How many assessed threats of the filter's sites sit in each cell of the 5×5 matrix, for the inherent and the residual rating.</summary>
    public async Task<RiskLandscape> GetRiskAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = MeasureDeadlines.Today(clock);
        // Every assessment belongs to a site: the whole country needs no join.
        var select = """
            SELECT r.view AS "View", r.likelihood AS "Likelihood", r.impact AS "Impact", count(*)::int AS "Count"
            FROM "ThreatScenarios" t
            CROSS JOIN LATERAL (VALUES (0, t."InherentLikelihood", t."InherentImpact"), (1, t."ResidualLikelihood", t."ResidualImpact")) r(view, likelihood, impact)
            """ + (filter == new DashboardFilter() ? "" : """WHERE t."SiteId" IN (SELECT "Id" FROM site)""") + """

            GROUP BY r.view, r.likelihood, r.impact
            """;
        var rows = await db.Database.SqlQuery<RiskCount>(Statement(filter, today, select)).ToListAsync(ct);
        return new RiskLandscape(rows);
    }

    /// <summary>
    /// The figures of the filter's sites month by month, from the monthly snapshots (the last
    /// <paramref name="months"/> months, oldest first; months without a snapshot are left out).
    /// </summary>
    public async Task<IReadOnlyList<MonthFigures>> GetTrendAsync(DashboardFilter filter, int months = 12, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = MeasureDeadlines.Today(clock);
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var sums = string.Join(", ", FigureColumns.Select(c => $"""sum("{c}")::bigint AS "{c}" """));
        var sql = FormattableStringFactory.Create($$"""
            SELECT "Month", {{sums}}
            FROM "ComplianceSnapshots"
            WHERE "Month" >= {0} AND ({1}::text IS NULL OR "Region" = {1}) AND ({2}::text IS NULL OR "VenueTypeKey" = {2})
              AND ({3}::text IS NULL OR "Tier" = {3}) AND ({4}::uuid IS NULL OR "MethodologyVersionId" = {4})
            GROUP BY "Month" ORDER BY "Month"
            """, from, filter.Region, filter.VenueTypeKey, filter.Tier, filter.MethodologyVersionId);
        var rows = await db.Database.SqlQuery<MonthRow>(sql).ToListAsync(ct);
        return rows.Select(r => new MonthFigures(r.Month, r.ToFigures())).ToList();
    }

    /// <summary>Sites of the set with their own figures, lowest score first (sites without a score last), one page.</summary>
    public async Task<PagedResult<SiteFigures>> ListSitesAsync(DashboardFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var (sites, total) = await QuerySitesAsync(filter, page.Take, page.Skip, ct);
        return new PagedResult<SiteFigures>(sites, total);
    }

    /// <summary>Every site of the set, in the order of <see cref="ListSitesAsync"/>, for export: streamed as PostgreSQL sends them, none kept.</summary>
    public async IAsyncEnumerable<SiteFigures> ListAllSitesAsync(DashboardFilter filter, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var row in db.Database.SqlQuery<SiteRow>(Statement(filter, MeasureDeadlines.Today(clock), SitesSelect, null, 0)).AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToSiteFigures();
    }

    private async Task<(IReadOnlyList<SiteFigures> Sites, int Total)> QuerySitesAsync(DashboardFilter filter, int? take, int skip, CancellationToken ct)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQuery<SiteRow>(Statement(filter, MeasureDeadlines.Today(clock), SitesSelect, take, skip)).ToListAsync(ct);
        return (rows.Select(r => r.ToSiteFigures()).ToList(), rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    /// <summary>One row per site: no grouping, only the page is sorted out of the set (LIMIT NULL is no limit).</summary>
    private const string SitesSelect = """
        SELECT site."Id", site."Name", site."Region", site."VenueTypeKey", site."Tier", count(*) OVER () AS "Total",
               1 AS "Sites", site.has_plan::int AS "SitesWithPlan", (site.has_plan AND site.is_current)::int AS "SitesWithCurrentPlan",
               site.counted_weight AS "CountedWeight", site.implemented_weight AS "ImplementedWeight",
               site.essential_counted AS "EssentialCounted", site.essential_implemented AS "EssentialImplemented", site.set_aside AS "SetAside",
               site.overdue_measures::int AS "OverdueMeasures", site.overdue_reviews::int AS "OverdueReviews", site.open_findings AS "OpenFindings",
               site.overdue_findings::int AS "OverdueFindings", site.drills::int AS "DrillsLast12Months", (site.drills > 0)::int AS "SitesDrilledLast12Months"
        FROM site
        ORDER BY CASE WHEN site.counted_weight = 0 THEN 1 ELSE 0 END, site.implemented_weight::numeric / nullif(site.counted_weight, 0), site."Name", site."Id"
        LIMIT {0} OFFSET {1}
        """;

    /// <summary>The figure columns, named as <see cref="ComplianceFigures"/>' properties, in the order <see cref="Sums"/> selects them.</summary>
    internal static readonly string[] FigureColumns =
    [
        nameof(ComplianceFigures.Sites), nameof(ComplianceFigures.SitesWithPlan), nameof(ComplianceFigures.SitesWithCurrentPlan),
        nameof(ComplianceFigures.CountedWeight), nameof(ComplianceFigures.ImplementedWeight), nameof(ComplianceFigures.EssentialCounted),
        nameof(ComplianceFigures.EssentialImplemented), nameof(ComplianceFigures.SetAside), nameof(ComplianceFigures.OverdueMeasures),
        nameof(ComplianceFigures.OverdueReviews), nameof(ComplianceFigures.OpenFindings), nameof(ComplianceFigures.OverdueFindings),
        nameof(ComplianceFigures.DrillsLast12Months), nameof(ComplianceFigures.SitesDrilledLast12Months),
    ];

    internal const string Sums = """
               count(*)::int AS "Sites",
               count(*) FILTER (WHERE site.has_plan)::int AS "SitesWithPlan",
               count(*) FILTER (WHERE site.has_plan AND site.is_current)::int AS "SitesWithCurrentPlan",
               coalesce(sum(site.counted_weight), 0)::bigint AS "CountedWeight",
               coalesce(sum(site.implemented_weight), 0)::bigint AS "ImplementedWeight",
               coalesce(sum(site.essential_counted), 0)::int AS "EssentialCounted",
               coalesce(sum(site.essential_implemented), 0)::int AS "EssentialImplemented",
               coalesce(sum(site.set_aside), 0)::int AS "SetAside",
               coalesce(sum(site.overdue_measures), 0)::int AS "OverdueMeasures",
               coalesce(sum(site.overdue_reviews), 0)::int AS "OverdueReviews",
               coalesce(sum(site.open_findings), 0)::int AS "OpenFindings",
               coalesce(sum(site.overdue_findings), 0)::int AS "OverdueFindings",
               coalesce(sum(site.drills), 0)::int AS "DrillsLast12Months",
               count(*) FILTER (WHERE site.drills > 0)::int AS "SitesDrilledLast12Months"
        FROM site

        """;

    /// <summary>The sites of the filter with their counts (from "SiteCompliance", see the SiteCompliance migration) as "site", then <paramref name="select"/>.</summary>
    internal static FormattableString Statement(DashboardFilter filter, DateOnly today, string select, params object?[] selectArguments)
    {
        object?[] arguments = [filter.Region, filter.VenueTypeKey, filter.Tier, filter.MethodologyVersionId, today, today.AddYears(-1)];
        // The select's own placeholders ({0}, {1}, ...) follow the filter's six.
        var shifted = System.Text.RegularExpressions.Regex.Replace(select, @"\{(\d+)\}", m => "{" + (int.Parse(m.Groups[1].Value) + arguments.Length) + "}");
        // The sites' counts kept as of today are read as they are; a site's kept as of an earlier day
        // (before the hourly refresh) are counted live. Two branches rather than a CASE, so the planner
        // costs the live counts only for the few rows that need them.
        const string keys = """
            c."SiteId" AS "Id", c."Name", c."Region", c."VenueTypeKey", c."Tier", c."MethodologyVersionId" AS "VersionId",
                       c."HasPlan" AS has_plan, c."MethodologyVersionId" IS NOT DISTINCT FROM (SELECT v."Id" FROM "MethodologyVersions" v
                           WHERE v."Status" = 'Published' ORDER BY v."PublishedAt" DESC LIMIT 1) AS is_current,
                       c."CountedWeight" AS counted_weight, c."ImplementedWeight" AS implemented_weight, c."EssentialCounted" AS essential_counted,
                       c."EssentialImplemented" AS essential_implemented, c."SetAside" AS set_aside, c."OpenFindings" AS open_findings,
            """;
        const string where = """
            ({0}::text IS NULL OR c."Region" = {0}) AND ({1}::text IS NULL OR c."VenueTypeKey" = {1})
                  AND ({2}::text IS NULL OR c."Tier" = {2}) AND ({3}::uuid IS NULL OR c."MethodologyVersionId" = {3})
            """;
        var sql = """
            WITH site AS (
                SELECT
            """ + " " + keys + """
                       c."OverdueMeasures" AS overdue_measures, c."OverdueReviews" AS overdue_reviews,
                       c."OverdueFindings" AS overdue_findings, c."DrillsLast12Months" AS drills
                FROM "SiteCompliance" c
                WHERE c."Day" = {4} AND
            """ + " " + where + """
                UNION ALL
                SELECT
            """ + " " + keys + """
                       (SELECT count(*) FROM "PlanMeasures" m WHERE m."SiteId" = c."SiteId"
                           AND m."IsApplicable" AND m."Status" IN ('NotStarted', 'InProgress') AND m."DueDate" < {4})::int,
                       (SELECT count(*) FROM "PlanMeasures" m WHERE m."SiteId" = c."SiteId" AND m."IsApplicable" AND m."NextReview" < {4})::int,
                       (SELECT count(*) FROM "Findings" f WHERE f."SiteId" = c."SiteId" AND f."Status" <> 'Closed' AND f."DueDate" < {4})::int,
                       (SELECT count(*) FROM "PlaybookRuns" d WHERE d."SiteId" = c."SiteId" AND d."Kind" = 'Drill' AND d."FinishedAt" IS NOT NULL
                           AND d."HeldOn" > {5} AND d."HeldOn" <= {4})::int
                FROM "SiteCompliance" c
                WHERE (c."Day" < {4} OR c."Day" > {4}) AND
            """ + " " + where + """
            )

            """ + shifted;
        return FormattableStringFactory.Create(sql, [.. arguments, .. selectArguments]);
    }

    /// <summary>One month of the trend statement, named as its columns.</summary>
    internal sealed record MonthRow(DateOnly Month, long Sites, long SitesWithPlan, long SitesWithCurrentPlan, long CountedWeight, long ImplementedWeight,
        long EssentialCounted, long EssentialImplemented, long SetAside, long OverdueMeasures, long OverdueReviews, long OpenFindings,
        long OverdueFindings, long DrillsLast12Months, long SitesDrilledLast12Months)
    {
        public ComplianceFigures ToFigures() => new FigureRow(0, null, (int)Sites, (int)SitesWithPlan, (int)SitesWithCurrentPlan, CountedWeight,
            ImplementedWeight, (int)EssentialCounted, (int)EssentialImplemented, (int)SetAside, (int)OverdueMeasures, (int)OverdueReviews,
            (int)OpenFindings, (int)OverdueFindings, (int)DrillsLast12Months, (int)SitesDrilledLast12Months).ToFigures();
    }

    /// <summary>One row of the per-site statement, named as its columns.</summary>
    internal sealed record SiteRow(Guid Id, string Name, string Region, string VenueTypeKey, string Tier, long Total, int Sites, int SitesWithPlan,
        int SitesWithCurrentPlan, long CountedWeight, long ImplementedWeight, int EssentialCounted, int EssentialImplemented, int SetAside,
        int OverdueMeasures, int OverdueReviews, int OpenFindings, int OverdueFindings, int DrillsLast12Months, int SitesDrilledLast12Months)
    {
        public SiteFigures ToSiteFigures() => new(Id, Name, Region, VenueTypeKey, Tier, ToFigures());

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
