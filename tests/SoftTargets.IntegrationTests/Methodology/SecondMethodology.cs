using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Methodology;

/// <summary>
/// The English-only test methodology (Methodology/Library/uk-protected-premises.yaml) imported and published beside
/// the seeded Czech one, as a methodology editor would.
/// </summary>
internal static class SecondMethodology
{
    public const string Code = "uk-protected-premises";
    public const string Editor = "editor@softtargets.example";

    public static string Text() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Methodology", "Library", $"{Code}.yaml"));

    /// <summary>Imports the file as a draft and publishes it; returns the methodology's and the version's ids.</summary>
    public static async Task<(Guid MethodologyId, Guid VersionId)> PublishAsync(DatabaseFixture fixture)
    {
        var imported = await fixture.AsAsync<ImportResult, MethodologyLibrary>(Editor, l => l.ImportAsync(Text()));
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var draftId = imported.VersionId!.Value;
        return (await PublishDraftAsync(fixture, draftId, "The test methodology as first published."), draftId);
    }

    public static async Task<Guid> PublishDraftAsync(DatabaseFixture fixture, Guid draftId, string note)
    {
        var draft = (await fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        await fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, note, draft.Version));
        return draft.MethodologyId;
    }

    /// <summary>A theatre for 1,000 people with queues outside: the enhanced tier under the test methodology.</summary>
    public static SiteProfile Theatre(string name = "Royal Theatre") =>
        new(name, "1 Strand, London", "England", "theatre", 1000, 800, "", ["public-queues"]) { Methodology = Code };

    public static async Task<Guid> CzechMethodologyIdAsync(DatabaseFixture fixture)
    {
        await using var db = fixture.NewDbContext();
        return await db.Methodologies.Where(m => m.Code == "cz-soft-targets").Select(m => m.Id).SingleAsync();
    }
}
