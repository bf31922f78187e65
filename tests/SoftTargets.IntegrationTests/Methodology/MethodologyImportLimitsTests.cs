using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Methodology;

public sealed class MethodologyImportLimitsTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    public static TheoryData<string, string, string, int, string> HostileFiles => new()
    {
        { "recursive alias", "application/yaml", "methodology: cz-soft-targets\nloop: &a [*a, *a]\n", 2, "Anchors" },
        { "billion laughs", "application/yaml", BillionLaughs(), 2, "Anchors" },
        { "deep yaml", "application/yaml", "methodology: x\nroles: " + new string('[', 100_000) + new string(']', 100_000), 2, "levels deep" },
        { "deep json", "application/json", "{\"methodology\": \"x\",\n\"roles\": " + string.Concat(Enumerable.Repeat("[", 100_000)) + new string(']', 100_000) + "}", 2, "levels deep" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task A_hostile_file_gets_400_with_the_line_and_leaves_the_database_unchanged(string _, string contentType, string text, int line, string message)
    {
        var editor = await Fixture.SignedInClientAsync(Editor);
        var before = await SnapshotAsync();

        var response = await editor.PostAsync("/api/methodology/import", new StringContent(text, Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];
        Assert.Equal(line, error.GetProperty("line").GetInt32());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("messageCs").GetString()));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_library_sent_as_plain_text_or_a_form_gets_415()
    {
        var editor = await Fixture.SignedInClientAsync(Editor);
        var before = await SnapshotAsync();

        var plain = await editor.PostAsync("/api/methodology/import", new StringContent("methodology: x\n", Encoding.UTF8, "text/plain"));
        var form = await editor.PostAsync("/api/methodology/import", new FormUrlEncodedContent(new Dictionary<string, string> { ["methodology: x\n"] = "" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Contains("application/yaml", await plain.Content.ReadAsStringAsync());
        Assert.Equal(before, await SnapshotAsync());
    }

    private static string BillionLaughs()
    {
        var text = new StringBuilder("methodology: cz-soft-targets\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++) text.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 10))}]\n");
        return text.ToString();
    }

    private async Task<string> SnapshotAsync()
    {
        await using var db = Fixture.NewDbContext();
        var versions = await db.MethodologyVersions.AsNoTracking().OrderBy(v => v.Number).Select(v => new { v.Id, v.Number, v.Status, v.Version }).ToListAsync();
        return JsonSerializer.Serialize(new { versions, methodologies = await db.Methodologies.CountAsync(), audit = await db.AuditLog.CountAsync() });
    }
}
