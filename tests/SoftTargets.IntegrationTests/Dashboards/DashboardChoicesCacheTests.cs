using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Dashboards;

public sealed class DashboardChoicesCacheTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_second_read_of_the_published_catalogues_is_served_from_the_cache()
    {
        var first = await Fixture.AsAsync<DashboardChoices, ComplianceDashboard>(Auditor, d => d.GetChoicesAsync());
        var second = await Fixture.AsAsync<DashboardChoices, ComplianceDashboard>(Auditor, d => d.GetChoicesAsync());

        Assert.NotEmpty(first.VenueTypes);
        // A load from the database would build new lists; the cached entry is handed out as it is.
        Assert.Same(first.VenueTypes, second.VenueTypes);
        Assert.Same(first.Tiers, second.Tiers);
    }

    [Fact]
    public async Task A_newly_published_version_is_seen_at_once()
    {
        var before = await Fixture.AsAsync<DashboardChoices, ComplianceDashboard>(Auditor, d => d.GetChoicesAsync());
        await using (var db = Fixture.NewDbContext())
        {
            var methodologyId = await db.MethodologyVersions.Where(v => v.Status == MethodologyVersionStatus.Published)
                .Select(v => v.MethodologyId).SingleAsync();
            var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
            var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
            var renamed = draft.Content with
            {
                VenueTypes = [.. draft.Content.VenueTypes.Select((v, i) => i == 0 ? v with { Name = new LocalizedText("Renamed venue type", "Přejmenovaný typ") } : v)],
            };
            var saved = await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, renamed, draft.Version));
            await Fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, "Renamed a venue type.", saved));
        }

        var after = await Fixture.AsAsync<DashboardChoices, ComplianceDashboard>(Auditor, d => d.GetChoicesAsync());

        Assert.NotEqual("Renamed venue type", before.VenueTypes[0].Name.En);
        Assert.Equal("Renamed venue type", after.VenueTypes[0].Name.En);
    }
}
