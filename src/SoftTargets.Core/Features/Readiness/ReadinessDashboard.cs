using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Readiness;

/// <summary>
/// Drill coverage of a group of sites (Key: the region name or venue type key; empty for the total): how many
/// sites it has, how many held a finished drill in the last 12 months, and how many did, in such a drill, a step
/// of each of the four procedures, and of all four.
/// </summary>
public sealed record CoverageGroup(Breakdown By, string Key, int Sites, int Drilled, int Evacuation, int Invacuation, int Lockdown, int Communication, int AllFour)
{
    public int Of(Procedure procedure) => procedure switch
    {
        Procedure.Evacuation => Evacuation,
        Procedure.Invacuation => Invacuation,
        Procedure.Lockdown => Lockdown,
        Procedure.Communication => Communication,
        _ => 0,
    };

    /// <summary>Per cent of the group's sites, one decimal; null for a group without sites.</summary>
    public decimal? Share(int count) => Sites == 0 ? null : Math.Round(100m * count / Sites, 1);
}

/// <summary>
/// Time to target of one phase in a group's finished drills of the last 12 months, over the steps that have a
/// target: how many there were, how many were done (in time or late) with their mean time from the start and
/// mean target, and the share done in time (missed steps count as not in time).
/// </summary>
public sealed record TimingGroup(Breakdown By, string Key, IncidentPhase Phase, int Steps, int Done, int InTime, double? MeanElapsedMinutes, double? MeanTargetMinutes)
{
    public decimal? InTimeShare => Steps == 0 ? null : Math.Round(100m * InTime / Steps, 1);
}

public sealed record CoverageOverview(IReadOnlyList<CoverageGroup> Groups)
{
    public CoverageGroup Totals => Groups.FirstOrDefault(g => g.By == Breakdown.Total) ?? new CoverageGroup(Breakdown.Total, "", 0, 0, 0, 0, 0, 0, 0);
    public IEnumerable<CoverageGroup> By(Breakdown breakdown) => Groups.Where(g => g.By == breakdown);
}

public sealed record TimingOverview(IReadOnlyList<TimingGroup> Groups)
{
    public IEnumerable<TimingGroup> By(Breakdown breakdown) => Groups.Where(g => g.By == breakdown);
}

/// <summary>
/// The readiness figures of the dashboards: drill coverage and time to target, by region and venue type, for the
/// sites of a <see cref="DashboardFilter"/> (the compliance dashboard's sites). Drills count when finished and
/// held in the last 12 months (from a year ago exclusive to today), as the compliance figures count them. Each
/// figure set is one SQL statement; nothing is loaded to be counted.
/// </summary>
public sealed class ReadinessDashboard(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public static readonly IncidentPhase[] Phases = [IncidentPhase.P1, IncidentPhase.P2, IncidentPhase.P3];

    public async Task<CoverageOverview> GetCoverageAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQuery<CoverageRow>(Statement(filter, MeasureDeadlines.Today(clock), CoverageSelect)).ToListAsync(ct);
        return new CoverageOverview(rows.Select(r => new CoverageGroup((Breakdown)r.Grouping, r.Key ?? "", r.Sites, r.Drilled, r.Evacuation,
            r.Invacuation, r.Lockdown, r.Communication, r.AllFour)).ToList());
    }

    public async Task<TimingOverview> GetTimingAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        await DemandReaderAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Database.SqlQuery<TimingRow>(Statement(filter, MeasureDeadlines.Today(clock), TimingSelect)).ToListAsync(ct);
        return new TimingOverview(rows.Select(r => new TimingGroup((Breakdown)r.Grouping, r.Key ?? "", Enum.Parse<IncidentPhase>(r.Phase), r.Steps, r.Done,
            r.InTime, r.MeanElapsedMinutes is { } e ? Math.Round(e, 1) : null, r.MeanTargetMinutes is { } t ? Math.Round(t, 1) : null)).ToList());
    }

    private async Task DemandReaderAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsSystem || actor.IsIn(Roles.Auditor) || actor.IsIn(Roles.MethodologyEditor));
    }

    /// <summary>
    /// Per site with a finished drill in the window, the procedures done in its drills (each run keeps its own as
    /// <see cref="PlaybookRun.DoneProcedures"/>, read with the drills from the index on kind and day; no step is read).
    /// </summary>
    private static readonly string CoverageSelect = $"""
        , drilled AS (
            SELECT r."SiteId", bit_or(r."DoneProcedures") AS done
            FROM drill r
            GROUP BY r."SiteId")
        SELECT CASE WHEN GROUPING(site."Region") = 0 THEN 1 WHEN GROUPING(site."VenueTypeKey") = 0 THEN 2 ELSE 0 END AS "Grouping",
               coalesce(site."Region", site."VenueTypeKey") AS "Key",
               count(*)::int AS "Sites", count(d."SiteId")::int AS "Drilled",
               count(*) FILTER (WHERE {ProcedureFlag.HasSql("d.done", Procedure.Evacuation)})::int AS "Evacuation",
               count(*) FILTER (WHERE {ProcedureFlag.HasSql("d.done", Procedure.Invacuation)})::int AS "Invacuation",
               count(*) FILTER (WHERE {ProcedureFlag.HasSql("d.done", Procedure.Lockdown)})::int AS "Lockdown",
               count(*) FILTER (WHERE {ProcedureFlag.HasSql("d.done", Procedure.Communication)})::int AS "Communication",
               count(*) FILTER (WHERE (d.done & {(short)AllFour}) = {(short)AllFour})::int AS "AllFour"
        FROM site LEFT JOIN drilled d ON d."SiteId" = site."Id"
        GROUP BY GROUPING SETS ((), (site."Region"), (site."VenueTypeKey"))
        """;

    private const ProcedureFlags AllFour = ProcedureFlags.Evacuation | ProcedureFlags.Invacuation | ProcedureFlags.Lockdown | ProcedureFlags.Communication;

    /// <summary>Per phase P1–P3 over the steps with a target of the window's drills.</summary>
    private static readonly string TimingSelect = $"""
        SELECT CASE WHEN GROUPING(site."Region") = 0 THEN 1 WHEN GROUPING(site."VenueTypeKey") = 0 THEN 2 ELSE 0 END AS "Grouping",
               coalesce(site."Region", site."VenueTypeKey") AS "Key", s."Phase",
               count(*)::int AS "Steps", count(s."ElapsedSeconds")::int AS "Done",
               count(*) FILTER (WHERE s."ElapsedSeconds" IS NOT NULL AND NOT {StepTiming.LateSql("s")})::int AS "InTime",
               (avg(s."ElapsedSeconds") / 60.0)::float8 AS "MeanElapsedMinutes",
               avg(s."TargetMinutes") FILTER (WHERE s."ElapsedSeconds" IS NOT NULL)::float8 AS "MeanTargetMinutes"
        FROM drill r
        JOIN site ON site."Id" = r."SiteId"
        JOIN "RunSteps" s ON s."RunId" = r."Id" AND s."TargetMinutes" IS NOT NULL AND s."Phase" IN ('P1', 'P2', 'P3')
        GROUP BY GROUPING SETS ((s."Phase"), (site."Region", s."Phase"), (site."VenueTypeKey", s."Phase"))
        """;

    /// <summary>
    /// The filter's sites as "site" (from "SiteCompliance", which carries each site's region, venue type and its
    /// latest plan's tier and version) and their finished drills of the window as "drill", then <paramref name="select"/>.
    /// Every drill belongs to a site: the whole country needs no restriction of the drills to the sites.
    /// </summary>
    internal static FormattableString Statement(DashboardFilter filter, DateOnly today, string select) => FormattableStringFactory.Create("""
        WITH site AS (
            SELECT c."SiteId" AS "Id", c."Region", c."VenueTypeKey"
            FROM "SiteCompliance" c
            WHERE ({0}::text IS NULL OR c."Region" = {0}) AND ({1}::text IS NULL OR c."VenueTypeKey" = {1})
              AND ({2}::text IS NULL OR c."Tier" = {2}) AND ({3}::uuid IS NULL OR c."MethodologyVersionId" = {3})),
        drill AS (
            SELECT r."Id", r."SiteId", r."DoneProcedures"
            FROM "PlaybookRuns" r
            WHERE
        """ + " " + ComplianceRules.Sql.IsRecentDrill("r", "{4}") + (filter == new DashboardFilter() ? ")" : """
              AND r."SiteId" IN (SELECT site."Id" FROM site))
        """) + select, filter.Region, filter.VenueTypeKey, filter.Tier, filter.MethodologyVersionId, today);

    internal sealed record CoverageRow(int Grouping, string? Key, int Sites, int Drilled, int Evacuation, int Invacuation, int Lockdown, int Communication, int AllFour);

    internal sealed record TimingRow(int Grouping, string? Key, string Phase, int Steps, int Done, int InTime, double? MeanElapsedMinutes, double? MeanTargetMinutes);
}
