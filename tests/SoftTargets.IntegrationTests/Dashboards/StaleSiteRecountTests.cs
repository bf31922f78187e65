using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Compliance;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Dashboards;

/// <summary>
/// Stale per-site counts are recounted a batch of sites at a time, each batch its own transaction: with batches of one to
/// three, the demo sites take several, the last one full or not. Every row is first made stale and wrong, so a site left
/// out shows in the comparison.
/// </summary>
public sealed class StaleSiteRecountTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Stale_sites_beyond_one_batch_are_all_brought_to_today_with_the_counts_the_rules_give(int batchSize)
    {
        var sites = await MakeEveryRowStaleAndWrongAsync();
        Assert.True(sites.Count > batchSize, $"Only {sites.Count} sites: the recount would take one batch.");

        var recounted = await RefreshAsync(batchSize);

        Assert.Equal(sites.Count, recounted);
        Assert.All(await DaysAsync(), row => Assert.Equal(Today, row.Day));
        var differences = await SiteComplianceRecountTests.DifferencesAsync(Fixture);
        Assert.True(differences.Count == 0, "The recounted rows differ from a recount by the rules:\n  " + string.Join("\n  ", differences));
    }

    [Fact]
    public async Task A_failure_in_the_second_batch_keeps_the_first_batch_recounted_and_leaves_the_rest_stale()
    {
        const int batchSize = 2;
        var sites = await MakeEveryRowStaleAndWrongAsync();
        Assert.True(sites.Count >= 2 * batchSize, $"Only {sites.Count} sites: there would be no second batch of two.");
        var failing = sites[batchSize];
        await ExecuteAsync($"""
            CREATE FUNCTION fail_recount() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'recount refused'; END $$;
            CREATE TRIGGER fail_recount BEFORE UPDATE ON "SiteCompliance" FOR EACH ROW WHEN (OLD."SiteId" = '{failing}') EXECUTE FUNCTION fail_recount();
            """);
        try
        {
            var failure = await Assert.ThrowsAnyAsync<PostgresException>(() => RefreshAsync(batchSize));
            Assert.Contains("recount refused", failure.MessageText);
        }
        finally
        {
            await ExecuteAsync("""DROP TRIGGER fail_recount ON "SiteCompliance"; DROP FUNCTION fail_recount();""");
        }

        var days = (await DaysAsync()).ToDictionary(r => r.SiteId, r => r.Day);
        // The first batch was committed before the second began; the second, including its site after the failing one, was rolled back whole.
        Assert.All(sites.Take(batchSize), id => Assert.Equal(Today, days[id]));
        Assert.All(sites.Skip(batchSize), id => Assert.Equal(Stale, days[id]));
    }

    private DateOnly Today => MeasureDeadlines.Today(Fixture.Factory.Services.GetRequiredService<TimeProvider>());

    private DateOnly Stale => Today.AddDays(-7);

    /// <summary>Every row as of a week ago with counts no site has; returns the site ids in the database's order of them.</summary>
    private async Task<List<Guid>> MakeEveryRowStaleAndWrongAsync()
    {
        await using var db = Fixture.NewDbContext();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "SiteCompliance" SET "Day" = {Stale}, "CountedWeight" = 999, "OverdueMeasures" = 99, "OpenFindings" = 99, "DrillsLast12Months" = 99
            """);
        return await db.Database.SqlQuery<Guid>($"""SELECT "SiteId" AS "Value" FROM "SiteCompliance" ORDER BY "SiteId" """).ToListAsync();
    }

    private async Task<int> RefreshAsync(int batchSize)
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        var snapshots = scope.ServiceProvider.GetRequiredService<ComplianceSnapshots>();
        snapshots.RecountBatchSize = batchSize;
        return await snapshots.RefreshSitesAsync();
    }

    private async Task<List<KeptDay>> DaysAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Database.SqlQuery<KeptDay>($"""SELECT "SiteId", "Day" FROM "SiteCompliance" """).ToListAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed record KeptDay(Guid SiteId, DateOnly Day);
}
