using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Impact;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Methodology;

public sealed class MethodologyAuthoringTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly MeasureTemplate StadiumMeasure = new()
    {
        Key = "ACC-90", Category = "AccessControl", Priority = MeasurePriority.Recommended, Role = "security-lead",
        Title = new LocalizedText("Stewards at every turnstile", "Pořadatelé u každého turniketu"),
        Guidance = new LocalizedText("Place a steward at each turnstile.", "U každého turniketu stojí pořadatel."),
        Evidence = new LocalizedText("Steward roster", "Rozpis pořadatelů"),
        AppliesWhen = new Condition { VenueTypeIn = ["stadium"] },
    };

    [Fact]
    public async Task A_draft_starts_as_a_copy_of_the_published_version_and_publishing_retires_the_old_one()
    {
        var (methodologyId, publishedId) = await PublishedAsync();

        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        var saved = await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId,
            draft.Content with { Measures = [.. draft.Content.Measures, StadiumMeasure] }, draft.Version));
        await Fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, "Stewards at turnstiles.", saved));

        await using var db = Fixture.NewDbContext();
        var published = await db.MethodologyVersions.SingleAsync(v => v.Id == draftId);
        Assert.Equal(MethodologyVersionStatus.Published, published.Status);
        Assert.Equal("Stewards at turnstiles.", published.ChangeNote);
        Assert.Equal(Editor, published.PublishedBy);
        Assert.Equal(MethodologyVersionStatus.Retired, (await db.MethodologyVersions.SingleAsync(v => v.Id == publishedId)).Status);
        Assert.Contains(published.Content.Measures, m => m.Key == "ACC-90");
    }

    [Fact]
    public async Task A_published_version_cannot_be_saved()
    {
        var (_, publishedId) = await PublishedAsync();
        var view = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(publishedId)))!;

        var error = await Assert.ThrowsAsync<DomainException>(() => Fixture.AsAsync<uint, MethodologyAuthoring>(Editor,
            a => a.SaveAsync(publishedId, view.Content with { Measures = [] }, view.Version)));

        Assert.Equal("VersionFrozen", error.Code);
    }

    [Fact]
    public async Task A_concurrent_edit_of_a_draft_is_detected_and_the_first_edit_kept()
    {
        var (methodologyId, _) = await PublishedAsync();
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;

        await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, draft.Content with { Measures = [.. draft.Content.Measures, StadiumMeasure] }, draft.Version));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Fixture.AsAsync<uint, MethodologyAuthoring>(Editor,
            a => a.SaveAsync(draftId, draft.Content with { Measures = [] }, draft.Version)));

        var after = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        Assert.Contains(after.Content.Measures, m => m.Key == "ACC-90");
    }

    [Fact]
    public async Task An_invalid_draft_is_not_published_and_the_problems_are_listed()
    {
        var (methodologyId, _) = await PublishedAsync();
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        var version = await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId,
            draft.Content with { Measures = [.. draft.Content.Measures, StadiumMeasure with { Role = "janitor" }] }, draft.Version));

        var error = await Assert.ThrowsAsync<MethodologyInvalidException>(() =>
            Fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, "Broken", version)));

        Assert.Contains(error.Problems, p => p.Message.En == "Unknown role 'janitor'.");
        await using var db = Fixture.NewDbContext();
        Assert.Equal(MethodologyVersionStatus.Draft, (await db.MethodologyVersions.SingleAsync(v => v.Id == draftId)).Status);
    }

    [Fact]
    public async Task Only_methodology_editors_draft()
    {
        var (methodologyId, _) = await PublishedAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<Guid, MethodologyAuthoring>(Auditor, a => a.StartDraftAsync(methodologyId)));
    }

    [Fact]
    public async Task The_impact_preview_names_the_sites_that_gain_and_lose_measures()
    {
        var (methodologyId, _) = await PublishedAsync();
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(methodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        var removed = draft.Content.Measures.First(m => m.AppliesWhen is null);
        await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, draft.Content with
        {
            Measures = [.. draft.Content.Measures.Where(m => m.Key != removed.Key), StadiumMeasure],
        }, draft.Version));

        var impact = await Fixture.AsAsync<ImpactPreviewResult, ImpactPreview>(Editor, p => p.PreviewAsync(draftId));

        Assert.Equal(4, impact.SitesCompared);
        Assert.Equal(4, impact.SitesAffected);
        var stadium = Assert.Single(impact.Sites, s => s.SiteName == "Slezská aréna");
        Assert.Equal(["ACC-90"], stadium.Gained);
        Assert.Equal([removed.Key], stadium.Lost);
        var gained = Assert.Single(impact.Measures, m => m.Key == "ACC-90");
        Assert.Equal((1, 0), (gained.SitesGaining, gained.SitesLosing));
        Assert.Equal((0, 4), impact.Measures.Where(m => m.Key == removed.Key).Select(m => (m.SitesGaining, m.SitesLosing)).Single());
    }

    private async Task<(Guid MethodologyId, Guid PublishedId)> PublishedAsync()
    {
        await using var db = Fixture.NewDbContext();
        var version = await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Status == MethodologyVersionStatus.Published);
        return (version.MethodologyId, version.Id);
    }
}
