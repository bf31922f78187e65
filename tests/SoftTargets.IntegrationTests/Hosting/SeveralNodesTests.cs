using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Hosting;

/// <summary>Two web nodes on one database: each has its own memory (its own cache), and neither may show the other's change late.</summary>
public sealed class SeveralNodesTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_version_published_on_one_node_is_what_the_other_node_shows_next_although_it_cached_the_one_before()
    {
        await using var other = Fixture.Derive(_ => { });
        var before = await OnAsync<DashboardChoices, ComplianceDashboard>(other, Auditor, d => d.GetChoicesAsync());
        var regionsBefore = await OnAsync<CatalogueNames, MethodologyNames>(other, Auditor, n => n.PublishedAsync());

        // Published through the first node (the fixture's app), whose caches the other node does not share.
        await using (var db = Fixture.NewDbContext())
        {
            var methodologyId = await db.MethodologyVersions.Where(v => v.Status == MethodologyVersionStatus.Published)
                .Select(v => v.MethodologyId).SingleAsync();
            var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
            var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
            var renamed = draft.Content with
            {
                VenueTypes = [.. draft.Content.VenueTypes.Select((v, i) => i == 0 ? v with { Name = new LocalizedText("Renamed venue type", "Přejmenovaný typ") } : v)],
                Regions = [.. draft.Content.Regions.Select((r, i) => i == 0 ? r with { Name = new LocalizedText("Renamed region", "Přejmenovaný kraj") } : r)],
            };
            var saved = await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, renamed, draft.Version));
            await Fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, "Renamed a venue type and a region.", saved));
        }

        var after = await OnAsync<DashboardChoices, ComplianceDashboard>(other, Auditor, d => d.GetChoicesAsync());
        var regionsAfter = await OnAsync<CatalogueNames, MethodologyNames>(other, Auditor, n => n.PublishedAsync());

        Assert.NotEqual("Renamed venue type", before.VenueTypes[0].Name.En);
        Assert.Equal("Renamed venue type", after.VenueTypes[0].Name.En);
        var region = after.Names.Regions[0].Key;
        Assert.NotEqual("Renamed region", regionsBefore.Region(region).En);
        Assert.Equal("Renamed region", regionsAfter.Region(region).En);
    }

    /// <summary>Runs a Core service of another node (another app on the same database) as the given demo user.</summary>
    private async Task<T> OnAsync<T, TService>(WebApplicationFactory<Program> node, string email, Func<TService, Task<T>> call) where TService : notnull
    {
        var actor = await Fixture.ActorAsync(email);
        await using var scope = node.Services.CreateAsyncScope();
        using (TestCurrentUser.ActAs(actor))
            return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
