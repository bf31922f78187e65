using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Cli;

namespace SoftTargets.IntegrationTests.Api;

public sealed class GuidelinesApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly object Site = new
    {
        name = "Aréna Brno", address = "Křížkovského 1, Brno", region = "Jihomoravsky", venueTypeKey = "stadium", maxOccupancy = 12000,
        attributes = new[] { "outdoor-queues" },
        zones = new[] { new { name = "North", capacity = 6000, entrances = 4, assemblyPoint = "Car park P1", invacuationRoom = "Hall B" } },
        contacts = new[] { new { roleKey = "security-lead", name = "Jan Novák", phone = "+420 600 000 001", email = "jan@example.org", isDeputy = false } },
        threats = new[] { new { threatKey = "firearms", inherentLikelihood = 3, inherentImpact = 5, residualLikelihood = 2, residualImpact = 4 } },
    };

    [Fact]
    public async Task The_preview_returns_the_guideline_and_saves_nothing()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        await using var db = Fixture.NewDbContext();
        var plans = db.SitePlans.Count();

        var response = await client.PostAsJsonAsync("/api/guidelines/preview", Site);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var guideline = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("enhanced", guideline.GetProperty("tier").GetString());
        Assert.Contains(guideline.GetProperty("measures").EnumerateArray(), m => m.GetProperty("applies").GetBoolean());
        var playbook = Assert.Single(guideline.GetProperty("playbooks").EnumerateArray());
        Assert.Contains("Aréna Brno", playbook.GetRawText());
        Assert.Equal(plans, db.SitePlans.Count());
    }

    [Fact]
    public async Task The_preview_needs_a_signed_in_caller_and_a_known_venue_type()
    {
        var anonymous = await Fixture.AnonymousClient().PostAsJsonAsync("/api/guidelines/preview", Site);
        var client = await Fixture.SignedInClientAsync(Auditor);
        var unknown = await client.PostAsJsonAsync("/api/guidelines/preview", new { name = "X", venueTypeKey = "bowling-alley", maxOccupancy = 10 });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("bowling-alley", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_generate_verb_prints_the_same_guideline_as_json()
    {
        var file = Path.Combine(Path.GetTempPath(), $"site-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(Site));
        var output = new StringWriter();

        var code = await CommandLine.RunAsync(Fixture.Factory.Services, ["generate", "--site", file], TextReader.Null, output, new StringWriter());

        File.Delete(file);
        Assert.Equal(0, code);
        var guideline = JsonDocument.Parse(output.ToString()).RootElement;
        Assert.Equal("enhanced", guideline.GetProperty("tier").GetString());
        Assert.Equal(64, guideline.GetProperty("inputsHash").GetString()!.Length);
    }
}
