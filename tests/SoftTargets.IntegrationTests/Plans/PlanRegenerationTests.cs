using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Plans;

public sealed class PlanRegenerationTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Every_site_gets_a_new_revision_with_tracked_state_carried_over_and_new_measures_tracked()
    {
        await using var before = Fixture.NewDbContext();
        var revisions = await before.SitePlans.GroupBy(p => p.SiteId).Select(g => new { g.Key, Max = g.Max(p => p.Revision) }).ToDictionaryAsync(r => r.Key, r => r.Max);
        var implemented = await before.PlanMeasures.Where(m => m.Status == MeasureStatus.Implemented).Select(m => m.Id).ToListAsync();
        var brana = await SiteIdAsync("Obchodní centrum Brána Plzeň");
        var siteCount = await before.Sites.CountAsync();
        var (viaService, _) = await RegenerateAsync(batchSize: 2);

        Assert.Equal(siteCount, viaService);
        await using var after = Fixture.NewDbContext();
        var latest = await after.SitePlans.GroupBy(p => p.SiteId).Select(g => new { g.Key, Max = g.Max(p => p.Revision) }).ToDictionaryAsync(r => r.Key, r => r.Max);
        Assert.Equal(siteCount, latest.Count);
        foreach (var (siteId, revision) in latest) Assert.Equal(revisions.GetValueOrDefault(siteId) + 1, revision);
        Assert.Equal(implemented.Order(), await after.PlanMeasures.Where(m => m.Status == MeasureStatus.Implemented).Select(m => m.Id).OrderBy(id => id).ToListAsync());

        var branaPlan = await after.SitePlans.SingleAsync(p => p.SiteId == brana);
        var branaMeasures = await after.PlanMeasures.Where(m => m.SiteId == brana).ToListAsync();
        var branaDocument = await PlanDocuments.ReadAsync(after, branaPlan);
        Assert.True(PlanDocuments.IsCompact(branaPlan.Document));
        Assert.Equal(branaDocument.Applicable.Select(m => m.Key).Order(), branaMeasures.Select(m => m.MeasureKey).Order());
        Assert.All(branaMeasures, m => Assert.Equal(MeasureStatus.NotStarted, m.Status));
        Assert.All(branaMeasures, m => Assert.NotNull(m.NextReview));
        Assert.Equal(branaPlan.InputsHash, branaDocument.InputsHash);
        Assert.Equal("system", branaPlan.CreatedBy);
    }

    [Fact]
    public async Task A_measure_that_stops_applying_stays_on_record_as_not_applicable()
    {
        var hall = await SiteIdAsync("Koncertní síň Vltava");
        await using (var db = Fixture.NewDbContext())
            await db.PlanMeasures.Where(m => m.SiteId == hall).Take(1)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.MeasureKey, "GONE-01").SetProperty(m => m.IsApplicable, true));

        await RegenerateAsync(batchSize: 100);

        await using var check = Fixture.NewDbContext();
        var gone = await check.PlanMeasures.SingleAsync(m => m.SiteId == hall && m.MeasureKey == "GONE-01");
        Assert.False(gone.IsApplicable);
        var plan = await check.SitePlans.Where(p => p.SiteId == hall).OrderByDescending(p => p.Revision).FirstAsync();
        var tracked = await check.PlanMeasures.Where(m => m.SiteId == hall && m.IsApplicable).Select(m => m.MeasureKey).ToListAsync();
        Assert.Equal((await PlanDocuments.ReadAsync(check, plan)).Applicable.Select(m => m.Key).Order(), tracked.Order());
    }

    private async Task<(int Count, List<int> Progress)> RegenerateAsync(int batchSize)
    {
        var progress = new List<int>();
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        using var system = SystemScope.Begin();
        var count = await scope.ServiceProvider.GetRequiredService<PlanRegeneration>()
            .RegenerateAllAsync(batchSize, new Recorder(progress));
        return (count, progress);
    }

    private sealed class Recorder(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }
}
