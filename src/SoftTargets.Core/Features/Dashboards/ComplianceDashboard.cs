using System.ComponentModel;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using SoftTargets.Core.Domain.Compliance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Compliance;
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
/// loaded to be counted here. The statements are the .sql files beside this class (<see cref="Statements"/>).
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
        var rows = await db.Database.SqlQueryRaw<FigureRow>(Statements.Overview, Parameters(filter, MeasureDeadlines.Today(clock))).ToListAsync(ct);

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
        var rows = await db.Database.SqlQueryRaw<FigureRow>(Statements.Totals, Parameters(filter, MeasureDeadlines.Today(clock))).ToListAsync(ct);
        return rows.Single().ToFigures();
    }

    /// <summary>How many assessed threats of the filter's sites sit in each cell of the 5×5 matrix, for the inherent and the residual rating.</summary>
    public async Task<RiskLandscape> GetRiskAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var statement = filter == new DashboardFilter() ? Statements.CountryRisk : Statements.Risk;
        var rows = await db.Database.SqlQueryRaw<RiskCount>(statement, Parameters(filter, MeasureDeadlines.Today(clock))).ToListAsync(ct);
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
        var rows = await db.Database.SqlQueryRaw<MonthRow>(Statements.Trend,
            [.. FilterParameters(filter), new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from }]).ToListAsync(ct);
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
        var rows = db.Database.SqlQueryRaw<SiteRow>(Statements.SitesPage, SitesPageParameters(filter, MeasureDeadlines.Today(clock), null, 0));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            yield return row.ToSiteFigures();
    }

    private async Task<(IReadOnlyList<SiteFigures> Sites, int Total)> QuerySitesAsync(DashboardFilter filter, int? take, int skip, CancellationToken ct)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQueryRaw<SiteRow>(Statements.SitesPage, SitesPageParameters(filter, MeasureDeadlines.Today(clock), take, skip)).ToListAsync(ct);
        return (rows.Select(r => r.ToSiteFigures()).ToList(), rows.Count == 0 ? 0 : (int)rows[0].Total);
    }

    /// <summary>
    /// The dashboard's statements, from the .sql files beside this class, filled once. Each but the trend starts with
    /// the sites of the filter and their counts as "site" (ComplianceDashboard.Sites.sql), whose live branch counts
    /// by the conditions of <see cref="ComplianceRules.Sql"/>.
    /// </summary>
    internal static class Statements
    {
        /// <summary>The "site" common table expression; every statement that begins with it takes <see cref="Parameters"/>.</summary>
        public static readonly string Sites = SqlTemplate.Fill("ComplianceDashboard.Sites.sql", new Dictionary<string, string>
        {
            ["measure_applicable"] = ComplianceRules.Sql.IsApplicable("m"),
            ["measure_overdue"] = ComplianceRules.Sql.MeasureIsOverdue("m", "@today"),
            ["review_overdue"] = ComplianceRules.Sql.ReviewIsOverdue("m", "@today"),
            ["finding_overdue"] = ComplianceRules.Sql.FindingIsOverdue("f", "@today"),
            ["recent_drill"] = ComplianceRules.Sql.IsRecentDrill("d", "@today"),
        });

        /// <summary>The 14 figures summed over "site" (as <see cref="FigureRow"/> names them), ending with FROM site.</summary>
        public static readonly string Sums = SqlTemplate.Read("ComplianceDashboard.Sums.sql");

        public static readonly string Totals = Sites + "\n" + WithSums("ComplianceDashboard.Totals.sql");

        public static readonly string Overview = Sites + "\n" + WithSums("ComplianceDashboard.Overview.sql");

        /// <summary>Also takes @take (null for every site) and @skip.</summary>
        public static readonly string SitesPage = Sites + "\n" + SqlTemplate.Read("ComplianceDashboard.SitesPage.sql");

        public static readonly string Risk = Sites + "\n" + SqlTemplate.Fill("ComplianceDashboard.Risk.sql",
            new Dictionary<string, string> { ["only_the_filters_sites"] = """WHERE t."SiteId" IN (SELECT "Id" FROM site)""" });

        public static readonly string CountryRisk = Sites + "\n" + SqlTemplate.Fill("ComplianceDashboard.Risk.sql",
            new Dictionary<string, string> { ["only_the_filters_sites"] = "" });

        /// <summary>Takes the filter's parameters and @from; reads the snapshots, not "site".</summary>
        public static readonly string Trend = SqlTemplate.Read("ComplianceDashboard.Trend.sql");

        /// <summary>Also takes @month.</summary>
        public static readonly string Snapshot = Sites + "\n" + WithSums("ComplianceSnapshots.Insert.sql");

        private static string WithSums(string name) => SqlTemplate.Fill(name, new Dictionary<string, string> { ["sums"] = Sums });
    }

    /// <summary>The named parameters of a filter (null: any) and of today, for a statement that begins with "site".</summary>
    internal static NpgsqlParameter[] Parameters(DashboardFilter filter, DateOnly today) =>
        [.. FilterParameters(filter), new NpgsqlParameter("today", NpgsqlDbType.Date) { Value = today }];

    private static NpgsqlParameter[] FilterParameters(DashboardFilter filter) =>
    [
        new("region", NpgsqlDbType.Text) { Value = (object?)filter.Region ?? DBNull.Value },
        new("venue_type", NpgsqlDbType.Text) { Value = (object?)filter.VenueTypeKey ?? DBNull.Value },
        new("tier", NpgsqlDbType.Text) { Value = (object?)filter.Tier ?? DBNull.Value },
        new("version", NpgsqlDbType.Uuid) { Value = (object?)filter.MethodologyVersionId ?? DBNull.Value },
    ];

    private static NpgsqlParameter[] SitesPageParameters(DashboardFilter filter, DateOnly today, int? take, int skip) =>
    [
        .. Parameters(filter, today),
        new("take", NpgsqlDbType.Integer) { Value = (object?)take ?? DBNull.Value },
        new("skip", NpgsqlDbType.Integer) { Value = skip },
    ];

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
