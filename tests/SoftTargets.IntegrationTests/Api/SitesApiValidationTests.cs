using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Api;

/// <summary>The API refuses what the wizard and the CSV import refuse, field by field, and saves nothing.</summary>
public sealed class SitesApiValidationTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static Dictionary<string, object?> Profile(string name = "Divadlo Brno") => new()
    {
        ["name"] = name, ["address"] = "Náměstí 1, Brno", ["region"] = "Jihomoravsky", ["venueTypeKey"] = "theatre-cinema",
        ["maxOccupancy"] = 450, ["dailyVisitors"] = 300, ["openingHours"] = "Tu–Su 18:00–23:00", ["attributes"] = new[] { "alcohol-served" },
    };

    private static Dictionary<string, object?> With(string field, object? value)
    {
        var profile = Profile();
        profile[field] = value;
        return profile;
    }

    public static TheoryData<string, string> BadProfiles => new()
    {
        { JsonSerializer.Serialize(With("venueTypeKey", "spaceport")), "VenueTypeKey" },
        { JsonSerializer.Serialize(With("attributes", new[] { "alcohol-served", "dragons" })), "Attributes" },
        { JsonSerializer.Serialize(With("attributes", Enumerable.Repeat("alcohol-served", 101).ToArray())), "Attributes" },
        { JsonSerializer.Serialize(With("name", "Slezská aréna")), "Name" },
        { JsonSerializer.Serialize(With("region", "Atlantis")), "Region" },
        { JsonSerializer.Serialize(With("name", "Bad\u0000name")), "Name" },
        { JsonSerializer.Serialize(With("address", "Main\u0000 1")), "Address" },
        { "{\"name\": \"Broken\", ", "body" },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task Creating_a_site_the_wizard_would_refuse_gets_400_with_the_field_and_saves_nothing(string json, string field)
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        var before = await SitesAsync();

        var response = await client.PostAsync("/api/sites", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertFieldAsync(response, field);
        Assert.Equal(before, await SitesAsync());
    }

    [Fact]
    public async Task A_hundred_thousand_attributes_are_refused_as_too_large_and_save_nothing()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        var before = await SitesAsync();

        var response = await client.PostAsJsonAsync("/api/sites", With("attributes", Enumerable.Range(0, 100_000).Select(i => "a" + i).ToArray()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await SitesAsync());
    }

    [Theory]
    [InlineData("{\"version\": 1}", "Profile")]
    [InlineData("{\"profile\": {\"name\": \"x\", \"region\": \"Atlantis\"}, \"version\": 1}", "Region")]
    public async Task Updating_without_a_valid_profile_gets_400_with_the_field(string json, string field)
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        var id = await SiteIdAsync("Slezská aréna");
        var before = await SitesAsync();

        var response = await client.PutAsync($"/api/sites/{id}", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertFieldAsync(response, field);
        Assert.Equal(before, await SitesAsync());
    }

    [Fact]
    public async Task Renaming_a_site_to_another_sites_name_gets_400_but_keeping_its_own_name_is_fine()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);
        var id = await SiteIdAsync("Slezská aréna");
        var site = await client.GetFromJsonAsync<JsonElement>($"/api/sites/{id}");
        var profile = JsonSerializer.Deserialize<Dictionary<string, object?>>(site.GetProperty("profile").GetRawText())!;
        var version = site.GetProperty("version").GetUInt32();

        var kept = await client.PutAsJsonAsync($"/api/sites/{id}", new { profile, version });
        var otherName = (await client.GetFromJsonAsync<JsonElement>("/api/sites")).GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("name").GetString()).First(n => n != "Slezská aréna");
        profile["name"] = otherName;
        var taken = await client.PutAsJsonAsync($"/api/sites/{id}", new { profile, version = await SiteVersionAsync(id) });

        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        await AssertFieldAsync(taken, "Name");
    }

    [Theory]
    [InlineData("page=2147483647", "Page")]
    [InlineData("page=-1", "Page")]
    [InlineData("pageSize=-5", "PageSize")]
    [InlineData("pageSize=2147483647", "PageSize")]
    [InlineData("after=not-a-cursor", "After")]
    [InlineData("after=AAAA", "After")]
    public async Task A_page_number_an_out_of_range_size_or_a_foreign_cursor_gets_400_with_the_field(string query, string field)
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var response = await client.GetAsync($"/api/sites?{query}");

        await AssertFieldAsync(response, field);
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no '{field}' in {body}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    private async Task<string> SitesAsync()
    {
        await using var db = Fixture.NewDbContext();
        return string.Join("|", await db.Sites.OrderBy(s => s.Id).Select(s => s.Id + s.Name + s.Version).ToListAsync());
    }
}
