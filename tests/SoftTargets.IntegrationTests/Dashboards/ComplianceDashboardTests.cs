using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.Core.Domain.Threats;
using SoftTargets.Core.Features;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Dashboards;

/// <summary>
/// Two museums in the Karlovy Vary region, where the demo data has no site, with every figure worked
/// out by hand below. Filtering on the region leaves exactly them.
/// </summary>
public sealed class ComplianceDashboardTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly DashboardFilter Karlovarsky = new("Karlovarsky");
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Every_figure_matches_the_hand_count_including_set_aside_items_and_overdue_edges()
    {
        var versionId = await ArrangeAsync();

        var overview = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky));

        var expected = new ComplianceFigures
        {
            Sites = 2, SitesWithPlan = 1, SitesWithCurrentPlan = 1,
            // Counted: essential implemented 3 + essential not started 3 + recommended in progress 2 + enhanced implemented 1;
            // the set-aside enhanced measure and the one the methodology no longer applies do not count.
            CountedWeight = 9, ImplementedWeight = 4, EssentialCounted = 2, EssentialImplemented = 1, SetAside = 1,
            // Due yesterday and not started: overdue; due today: not yet; set aside: never.
            OverdueMeasures = 1,
            // Next review yesterday: overdue; today: not yet.
            OverdueReviews = 1,
            // Open (due yesterday, overdue) and answered (due today); the closed one does not count.
            OpenFindings = 2, OverdueFindings = 1,
            // Yesterday and 364 days ago count; exactly a year ago does not.
            DrillsLast12Months = 2, SitesDrilledLast12Months = 1,
        };
        Assert.Equal(expected, overview.Totals);
        Assert.Equal(44.4m, overview.Totals.Score);
        Assert.Equal(50.0m, overview.Totals.EssentialShare);
        Assert.Equal(expected, Assert.Single(overview.By(Breakdown.Region)).Figures);
        Assert.Equal("Karlovarsky", Assert.Single(overview.By(Breakdown.Region)).Key);
        Assert.Equal(["", "standard"], overview.By(Breakdown.Tier).Select(g => g.Key));
        Assert.Equal([1, 1], overview.By(Breakdown.Tier).Select(g => g.Figures.Sites));
        Assert.Equal(9, overview.By(Breakdown.MethodologyVersion).Single(g => g.Key == versionId.ToString()).Figures.CountedWeight);
        Assert.Equal(2, Assert.Single(overview.By(Breakdown.VenueType)).Figures.Sites);
    }

    [Fact]
    public async Task Filters_narrow_every_figure_and_a_set_without_measures_has_no_score()
    {
        await ArrangeAsync();

        var standard = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky with { Tier = "standard" }));
        var nothing = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky with { VenueTypeKey = "school" }));

        Assert.Equal(1, standard.Totals.Sites);
        Assert.Equal(9, standard.Totals.CountedWeight);
        Assert.Equal(0, nothing.Totals.Sites);
        Assert.Null(nothing.Totals.Score);
    }

    [Fact]
    public async Task The_drill_down_lists_each_site_with_its_own_figures_lowest_score_first_and_sites_without_a_score_last()
    {
        await ArrangeAsync();

        var page = await Fixture.AsAsync<PagedResult<SiteFigures>, ComplianceDashboard>(Auditor, d => d.ListSitesAsync(Karlovarsky, new PageRequest(0, 1)));
        var second = await Fixture.AsAsync<PagedResult<SiteFigures>, ComplianceDashboard>(Auditor, d => d.ListSitesAsync(Karlovarsky, new PageRequest(1, 1)));

        Assert.Equal(2, page.TotalCount);
        var museum = Assert.Single(page.Items);
        Assert.Equal("Muzeum Karlovy Vary", museum.Name);
        Assert.Equal(44.4m, museum.Figures.Score);
        Assert.Equal(2, museum.Figures.OpenFindings);
        Assert.Equal("standard", museum.Tier);
        var annex = Assert.Single(second.Items);
        Assert.Equal("Muzeum, depozitář", annex.Name);
        Assert.Null(annex.Figures.Score);
        Assert.Equal(0, annex.Figures.SitesWithPlan);
    }

    [Fact]
    public async Task Counts_kept_as_of_an_earlier_day_are_counted_live_until_refreshed_and_changes_reach_the_figures_at_once()
    {
        await ArrangeAsync();
        var before = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky));
        await using (var db = Fixture.NewDbContext())
        {
            // As if the counts were last brought up to date a week ago, when nothing was overdue yet.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "SiteCompliance" SET "Day" = {Today.AddDays(-7)}, "OverdueMeasures" = 0, "OverdueReviews" = 0, "OverdueFindings" = 0, "DrillsLast12Months" = 0
                WHERE "Region" = 'Karlovarsky'
                """);
        }

        var stale = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky));
        await using (var scope = Fixture.Factory.Services.CreateAsyncScope())
        using (SystemScope.Begin())
            Assert.True(await scope.ServiceProvider.GetRequiredService<ComplianceSnapshots>().RefreshSitesAsync() >= 2);
        var refreshed = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky));
        await using (var db = Fixture.NewDbContext())
        {
            var measure = await db.PlanMeasures.SingleAsync(m => m.MeasureKey == "GOV-02" && db.Sites.Any(s => s.Id == m.SiteId && s.Name == "Muzeum Karlovy Vary"));
            measure.ChangeStatus(MeasureStatus.Implemented, "", "test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var changed = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky));

        Assert.Equal(before.Totals, stale.Totals);
        Assert.Equal(before.Totals, refreshed.Totals);
        Assert.Equal(7, changed.Totals.ImplementedWeight);
        Assert.Equal(0, changed.Totals.OverdueMeasures);
        Assert.Equal(100.0m, changed.Totals.EssentialShare);
    }

    [Fact]
    public async Task Two_transactions_changing_measures_of_one_site_at_once_both_reach_its_counts()
    {
        await ArrangeAsync();
        await using var first = new NpgsqlConnection(Fixture.ConnectionString);
        await first.OpenAsync();
        await using var transaction = await first.BeginTransactionAsync();
        await Execute(first, """UPDATE "PlanMeasures" SET "Status" = 'Implemented' WHERE "MeasureKey" = 'GOV-02' AND "SiteId" = (SELECT "Id" FROM "Sites" WHERE "Name" = 'Muzeum Karlovy Vary')""");

        // The second recount must wait for the first transaction; counted before it commits, it would miss GOV-02.
        // It commits only once PostgreSQL shows the second session waiting on a lock the first one holds, so the
        // order is certain rather than hoped for.
        await using var other = new NpgsqlConnection(Fixture.ConnectionString);
        await other.OpenAsync();
        var firstPid = await Scalar<int>(first, "SELECT pg_backend_pid()");
        var otherPid = await Scalar<int>(other, "SELECT pg_backend_pid()");
        var second = Execute(other, """UPDATE "PlanMeasures" SET "Status" = 'Implemented' WHERE "MeasureKey" = 'ACC-01' AND "SiteId" = (SELECT "Id" FROM "Sites" WHERE "Name" = 'Muzeum Karlovy Vary')""");
        await WaitUntilBlockedAsync(otherPid, firstPid, second);
        await transaction.CommitAsync();
        await second;

        var figures = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky));
        Assert.Equal(9, figures.Totals.ImplementedWeight); // 3 + 3 + 2 + 1: both changes counted
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Polls from a connection of its own (each query its own transaction, so the activity view is read
    /// afresh) until the waiting session shows a lock wait that the holding session causes.
    /// </summary>
    private async Task WaitUntilBlockedAsync(int waitingPid, int holdingPid, Task waitingStatement)
    {
        await using var observer = new NpgsqlConnection(Fixture.ConnectionString);
        await observer.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT a.wait_event_type IS NOT DISTINCT FROM 'Lock' AND $2 = ANY (pg_blocking_pids(a.pid)),
                   format('%s %s:%s blocked by {%s}', a.state, a.wait_event_type, a.wait_event, array_to_string(pg_blocking_pids(a.pid), ','))
            FROM pg_stat_activity a WHERE a.pid = $1
            """, observer);
        command.Parameters.Add(new NpgsqlParameter { Value = waitingPid });
        command.Parameters.Add(new NpgsqlParameter { Value = holdingPid });
        var seen = "(not yet read)";
        var deadline = DateTime.UtcNow.AddSeconds(15);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        do
        {
            if (waitingStatement.IsCompleted)
            {
                await waitingStatement;
                Assert.Fail($"The second update finished while the first transaction was still open (last seen: {seen}): it did not wait for the first transaction's lock.");
            }
            await using (var reader = await command.ExecuteReaderAsync())
            {
                if (!await reader.ReadAsync())
                    Assert.Fail($"Session {waitingPid} is not in pg_stat_activity.");
                if (reader.GetBoolean(0))
                    return;
                seen = reader.GetString(1);
            }
        }
        while (DateTime.UtcNow < deadline && await poll.WaitForNextTickAsync());
        Assert.Fail($"Within 15 s PostgreSQL never showed session {waitingPid} waiting on a lock held by session {holdingPid} (last seen: {seen}).");
    }

    [Fact]
    public async Task The_months_snapshot_holds_the_live_figures_retaking_it_replaces_the_month_and_older_months_stay()
    {
        await ArrangeAsync();
        var month = new DateOnly(Today.Year, Today.Month, 1);
        await using (var db = Fixture.NewDbContext())
        {
            // A month inside the trend's year and one just outside it, written as an earlier snapshot would have.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ComplianceSnapshots" ("Id", "Month", "Region", "VenueTypeKey", "Tier", "TakenAt", "Sites", "SitesWithPlan", "SitesWithCurrentPlan",
                    "CountedWeight", "ImplementedWeight", "EssentialCounted", "EssentialImplemented", "SetAside", "OverdueMeasures", "OverdueReviews",
                    "OpenFindings", "OverdueFindings", "DrillsLast12Months", "SitesDrilledLast12Months")
                VALUES (gen_random_uuid(), {month.AddMonths(-11)}, 'Karlovarsky', 'museum-gallery', 'standard', now(), 1, 1, 1, 9, 2, 2, 0, 0, 3, 0, 0, 0, 0, 0),
                       (gen_random_uuid(), {month.AddMonths(-12)}, 'Karlovarsky', 'museum-gallery', 'standard', now(), 1, 1, 1, 9, 1, 2, 0, 0, 3, 0, 0, 0, 0, 0)
                """);
        }

        await TakeSnapshotAsync();
        await TakeSnapshotAsync();
        var trend = await Fixture.AsAsync<IReadOnlyList<MonthFigures>, ComplianceDashboard>(Auditor, d => d.GetTrendAsync(Karlovarsky));
        var live = await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Auditor, d => d.GetAsync(Karlovarsky));

        Assert.Equal([month.AddMonths(-11), month], trend.Select(m => m.Month));
        Assert.Equal(live.Totals, trend[1].Figures);
        Assert.Equal(22.2m, trend[0].Figures.Score);
        var standard = await Fixture.AsAsync<IReadOnlyList<MonthFigures>, ComplianceDashboard>(Auditor, d => d.GetTrendAsync(Karlovarsky with { Tier = "standard" }));
        Assert.Equal([1, 1], standard.Select(m => m.Figures.Sites));
        await using var check = Fixture.NewDbContext();
        Assert.Equal(2, await check.ComplianceSnapshots.CountAsync(s => s.Month == month && s.Region == "Karlovarsky"));
    }

    [Fact]
    public async Task The_risk_map_counts_each_assessed_threat_once_per_rating()
    {
        await ArrangeAsync();
        await using (var db = Fixture.NewDbContext())
        {
            var museum = await db.Sites.SingleAsync(s => s.Name == "Muzeum Karlovy Vary");
            museum.AssessThreat("arson", new RiskRating(3, 4), new RiskRating(2, 4), "Old timber roof.");
            museum.AssessThreat("firearms", new RiskRating(3, 4), new RiskRating(1, 5), "Crowds at openings.");
            var annex = await db.Sites.SingleAsync(s => s.Name == "Muzeum, depozitář");
            annex.AssessThreat("arson", new RiskRating(2, 2), new RiskRating(2, 2), "Stores only.");
            await db.SaveChangesAsync();
        }

        var risk = await Fixture.AsAsync<RiskLandscape, ComplianceDashboard>(Auditor, d => d.GetRiskAsync(Karlovarsky));

        Assert.Equal(3, risk.Total);
        Assert.Equal(2, risk.Count(RiskView.Inherent, 3, 4));
        Assert.Equal(1, risk.Count(RiskView.Inherent, 2, 2));
        Assert.Equal(1, risk.Count(RiskView.Residual, 2, 4));
        Assert.Equal(1, risk.Count(RiskView.Residual, 1, 5));
        Assert.Equal(0, risk.Count(RiskView.Residual, 3, 4));
        Assert.Equal(6, risk.Cells.Sum(c => c.Count));
    }

    private async Task TakeSnapshotAsync()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        await scope.ServiceProvider.GetRequiredService<ComplianceSnapshots>().TakeAsync();
    }

    [Fact]
    public async Task Auditors_and_ministry_editors_see_the_figures_venue_managers_do_not()
    {
        await Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(Editor, d => d.GetAsync(new DashboardFilter()));

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Fixture.AsAsync<ComplianceOverview, ComplianceDashboard>(ArenaManager, d => d.GetAsync(new DashboardFilter())));
    }

    private async Task<Guid> ArrangeAsync()
    {
        await using var db = Fixture.NewDbContext();
        var published = (await db.CurrentPublishedAsync(default))!;
        var version = published.Id;
        var organization = await db.Users.Where(u => u.Email == ArenaManager).Select(u => u.OrganizationId).SingleAsync();
        var auditor = await db.Users.Where(u => u.Email == Auditor).Select(u => u.Id).SingleAsync();
        var museum = new Site(organization, published.MethodologyId, new SiteProfile("Muzeum Karlovy Vary", "Nová louka 23", "Karlovarsky", "museum-gallery", 300, 200, "", []));
        var annex = new Site(organization, published.MethodologyId, new SiteProfile("Muzeum, depozitář", "Zámecký vrch 1", "Karlovarsky", "museum-gallery", 40, 5, "", []));
        db.Sites.AddRange(museum, annex);
        db.SitePlans.Add(new SitePlan(museum.Id, 1, version, "", PlanDocuments.Whole(new Guideline()), "first"));
        db.SitePlans.Add(new SitePlan(museum.Id, 2, version, "standard", PlanDocuments.Whole(new Guideline()), "second"));

        PlanMeasure Measure(string key, MeasurePriority priority, MeasureStatus status, DateOnly? due, DateOnly? review, bool applies = true)
        {
            var measure = new PlanMeasure(museum.Id, key, priority, applies);
            measure.ChangeStatus(status, status == MeasureStatus.NotApplicable ? "No exhibition hall." : "", "test", DateTimeOffset.UtcNow);
            measure.Assign("Jana Nováková", due, 12, review);
            return measure;
        }
        db.PlanMeasures.AddRange(
            Measure("GOV-01", MeasurePriority.Essential, MeasureStatus.Implemented, null, Today),
            Measure("GOV-02", MeasurePriority.Essential, MeasureStatus.NotStarted, Today.AddDays(-1), Today.AddDays(-1)),
            Measure("ACC-01", MeasurePriority.Recommended, MeasureStatus.InProgress, Today, Today.AddDays(30)),
            Measure("DET-01", MeasurePriority.Enhanced, MeasureStatus.NotApplicable, Today.AddYears(-1), null),
            Measure("DET-02", MeasurePriority.Recommended, MeasureStatus.Implemented, null, Today.AddDays(-100), applies: false),
            Measure("RES-01", MeasurePriority.Enhanced, MeasureStatus.Implemented, null, Today.AddDays(200)));

        var open = new Finding(museum.Id, null, auditor, FindingSeverity.High, "Open", "", Today.AddDays(-1));
        var answered = new Finding(museum.Id, null, auditor, FindingSeverity.Low, "Answered", "", Today);
        answered.Respond("Done.", DateTimeOffset.UtcNow);
        var closed = new Finding(museum.Id, null, auditor, FindingSeverity.Medium, "Closed", "", Today.AddMonths(-1));
        closed.Close("Checked on the follow-up visit.", DateTimeOffset.UtcNow);
        db.Findings.AddRange(open, answered, closed);

        PlaybookRun Drill(DateOnly heldOn, bool finished = true)
        {
            var start = new DateTimeOffset(heldOn.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var run = new PlaybookRun(RunKind.Drill, museum.Id, version, 1,
                new GuidelinePlaybook("PB-ARSON", "arson", new LocalizedText("Arson", "Žhářství"), 10, []), "", "", start);
            if (finished) run.Finish(start.AddMinutes(30));
            return run;
        }
        // The last two fall outside the 12 months or never finished: they do not count.
        db.PlaybookRuns.AddRange(Drill(Today.AddDays(-1)), Drill(Today.AddYears(-1).AddDays(1)), Drill(Today.AddYears(-1)), Drill(Today, finished: false));
        await db.SaveChangesAsync();
        return version;
    }
}
