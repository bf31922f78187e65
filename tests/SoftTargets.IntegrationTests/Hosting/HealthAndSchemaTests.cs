using System.Net;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data.Seed;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Hosting;

public sealed class HealthAndSchemaTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Theory]
    [ReadsOnly]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_healthy_without_signing_in(string path)
    {
        var response = await Fixture.AnonymousClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    [ReadsOnly]
    public async Task The_migrated_database_matches_the_model()
    {
        await using var db = Fixture.NewDbContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The EF Core model has changes without a migration: add one with 'dotnet tool restore' and " +
            "'dotnet ef migrations add <Name> --project src/SoftTargets.Core --startup-project src/SoftTargets.Web'.");
    }

    [Fact]
    [ReadsOnly]
    public async Task The_demo_data_has_every_role_and_the_promised_organisations()
    {
        await using var db = Fixture.NewDbContext();

        var arena = await db.Organizations.Where(o => o.Name == "ArenaPlus Venues a.s.").Select(o => o.Id).SingleAsync();
        var school = await db.Organizations.Where(o => o.Name == "Základní škola Lipová Olomouc").Select(o => o.Id).SingleAsync();

        Assert.Equal(DemoSeeder.Accounts.Count, await db.Users.CountAsync());
        Assert.Equal(Core.Domain.Users.Roles.All.Count, await db.UserRoles.Select(r => r.RoleId).Distinct().CountAsync());
        Assert.Equal(3, await db.Sites.CountAsync(s => s.OrganizationId == arena));
        Assert.Equal(3, await db.Sites.Where(s => s.OrganizationId == arena).Select(s => s.Region).Distinct().CountAsync());
        Assert.Equal(3, await db.Sites.Where(s => s.OrganizationId == arena).Select(s => s.VenueTypeKey).Distinct().CountAsync());
        Assert.Equal(1, await db.Sites.CountAsync(s => s.OrganizationId == school));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_friendly_not_found_page()
    {
        var client = await Fixture.SignedInClientAsync("auditor@softtargets.example");

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    [ReadsOnly]
    public async Task The_error_page_explains_that_nothing_was_saved_and_gives_a_reference()
    {
        var response = await Fixture.AnonymousClient().GetAsync("/error");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.Contains("nothing was saved", html);
        Assert.Contains("quote this reference", html);
    }
}
