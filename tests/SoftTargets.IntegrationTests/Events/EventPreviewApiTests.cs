using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Events;

public sealed class EventPreviewApiTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static object Site(object? occasion) => new
    {
        name = "Náměstí Míru", address = "Náměstí Míru 1, Zlín", region = "Zlinsky", venueTypeKey = "open-air-event", maxOccupancy = 300,
        attributes = Array.Empty<string>(),
        @event = occasion,
    };

    [Fact]
    public async Task The_preview_reads_an_event_so_its_attendance_raises_the_tier_and_adds_the_event_measures()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var venue = await GuidelineAsync(client, Site(null));
        var fair = await GuidelineAsync(client, Site(new { name = "Jarmark", expectedAttendance = 6000, attributes = new[] { "alcohol-served" } }));

        Assert.Equal("standard", venue.GetProperty("tier").GetString());
        Assert.Equal("enhanced", fair.GetProperty("tier").GetString());
        Assert.False(Applies(venue, "EVT-02"));
        Assert.True(Applies(fair, "EVT-02"));
    }

    [Fact]
    public async Task The_preview_refuses_an_event_without_attendance_or_with_unknown_attributes()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var response = await client.PostAsJsonAsync("/api/guidelines/preview",
            Site(new { name = "Jarmark", expectedAttendance = 0, attributes = new[] { "fireworks" } }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("event.expectedAttendance", body);
        Assert.Contains("fireworks", body);
    }

    private static async Task<JsonElement> GuidelineAsync(HttpClient client, object site)
    {
        var response = await client.PostAsJsonAsync("/api/guidelines/preview", site);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static bool Applies(JsonElement guideline, string key) =>
        guideline.GetProperty("measures").EnumerateArray().Single(m => m.GetProperty("key").GetString() == key).GetProperty("applies").GetBoolean();
}
