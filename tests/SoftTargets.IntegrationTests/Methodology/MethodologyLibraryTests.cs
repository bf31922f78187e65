using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Library;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Methodology;

public sealed class MethodologyLibraryTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [InlineData(LibraryFileFormat.Yaml)]
    [InlineData(LibraryFileFormat.Json)]
    public async Task The_seeded_library_exports_and_imports_back_exactly(LibraryFileFormat format)
    {
        var published = await PublishedAsync();

        var (fileName, text) = await Fixture.AsAsync<(string, string), MethodologyLibrary>(Editor, l => l.ExportAsync(published.Id, format));
        var result = await Fixture.AsAsync<ImportResult, MethodologyLibrary>(Editor, l => l.ImportAsync(text));

        Assert.EndsWith(format == LibraryFileFormat.Yaml ? "-v1.yaml" : "-v1.json", fileName);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        await using var db = Fixture.NewDbContext();
        var draft = await db.MethodologyVersions.SingleAsync(v => v.Id == result.VersionId);
        Assert.Equal(MethodologyVersionStatus.Draft, draft.Status);
        Assert.Equal(2, draft.Number);
        Assert.Equal(Json(published.Content), Json(draft.Content));
        var (_, again) = await Fixture.AsAsync<(string, string), MethodologyLibrary>(Editor, l => l.ExportAsync(draft.Id, format));
        Assert.Equal(text.Replace("version: 1", "version: 2").Replace("\"version\": 1", "\"version\": 2"), again);
    }

    [Fact]
    [ReadsOnly]
    public async Task The_seeded_library_is_rich_enough_to_plan_with()
    {
        var content = (await PublishedAsync()).Content;

        Assert.True(content.VenueTypes.Count >= 10);
        Assert.True(content.Measures.Count >= 60);
        Assert.Equal(7, content.Measures.Select(m => m.Category).Distinct().Count());
        Assert.True(content.Questions.Count >= 30);
        Assert.All(content.Questions, q => Assert.Equal([1, 2, 3, 4, 5], q.Levels.Select(l => l.Level).Order()));
        Assert.All(content.ThreatTypes, t => Assert.Contains(content.Playbooks, p => p.Threat == t.Key));
        Assert.Empty(MethodologyValidator.Validate(content));
    }

    public static TheoryData<string, string, string, string> BrokenFiles => new()
    {
        { "bad YAML", "priority: essential", "priority: [essential", "Not valid YAML" },
        { "unknown venue type", "venueTypeIn: [", "venueTypeIn: [bowling-alley, ", "Unknown venue type 'bowling-alley'" },
        { "duplicate key", "key: GOV-02", "key: GOV-01", "'GOV-01' is used twice" },
        { "unknown placeholder", "{site.name}", "{site.owner}", "Unknown placeholder {site.owner}" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public async Task A_broken_file_is_refused_with_line_numbers_and_leaves_the_database_unchanged(string _, string find, string replace, string message)
    {
        var published = await PublishedAsync();
        var (_, text) = await Fixture.AsAsync<(string, string), MethodologyLibrary>(Editor, l => l.ExportAsync(published.Id, LibraryFileFormat.Yaml));
        var index = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(index >= 0, $"The exported library has no '{find}' to break.");
        var broken = text[..index] + replace + text[(index + find.Length)..];
        var expectedLine = text[..index].Count(c => c == '\n') + 1;
        var before = await SnapshotAsync();

        var result = await Fixture.AsAsync<ImportResult, MethodologyLibrary>(Editor, l => l.ImportAsync(broken));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Message.En.Contains(message));
        Assert.InRange(error.Line, expectedLine - 2, expectedLine + 2);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Exporting_over_http_needs_an_editor_or_auditor()
    {
        var published = await PublishedAsync();
        var auditor = await Fixture.SignedInClientAsync(Auditor);
        var manager = await Fixture.SignedInClientAsync(ArenaManager);

        var allowed = await auditor.GetAsync($"/api/methodology/versions/{published.Id}/export?format=yaml");
        var refused = await manager.GetAsync($"/api/methodology/versions/{published.Id}/export?format=yaml");

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.StartsWith("methodology: cz-soft-targets", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    private async Task<MethodologyVersion> PublishedAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Status == MethodologyVersionStatus.Published);
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = Fixture.NewDbContext();
        var versions = await db.MethodologyVersions.AsNoTracking().OrderBy(v => v.Number).Select(v => new { v.Id, v.Number, v.Status, v.Version }).ToListAsync();
        return JsonSerializer.Serialize(new { versions, methodologies = await db.Methodologies.CountAsync(), audit = await db.AuditLog.CountAsync() });
    }

    private static string Json(MethodologyDocument document) => JsonSerializer.Serialize(document, LibraryFormat.JsonOptions);
}
