using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Domain.Users;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Cli;

namespace SoftTargets.IntegrationTests.Cli;

public sealed class CommandLineTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private async Task<(int Code, string Output, string Error)> RunAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(Fixture.Factory.Services, args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_user_adds_a_user_who_can_sign_in_with_the_password_from_standard_input()
    {
        var (code, output, _) = await RunAsync("Brand-New-Password-1\n",
            "create-user", "--email", "new.manager@arenaplus.example", "--role", "VenueManager", "--org", "ArenaPlus Venues a.s.");

        Assert.Equal(0, code);
        Assert.Contains("created", output);
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync("new.manager@arenaplus.example");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "Brand-New-Password-1"));
        Assert.True(await users.IsInRoleAsync(user, Roles.VenueManager));
    }

    [Theory]
    [InlineData("Superuser", "ArenaPlus Venues a.s.", "Unknown role 'Superuser'")]
    [InlineData("VenueManager", "No Such Organisation", "Unknown organisation 'No Such Organisation'")]
    public async Task Create_user_with_an_unknown_role_or_organisation_exits_2_and_creates_nothing(string role, string organization, string message)
    {
        var (code, _, error) = await RunAsync("Brand-New-Password-1\n",
            "create-user", "--email", "x@arenaplus.example", "--role", role, "--org", organization);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "x@arenaplus.example"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_and_no_user_is_left_behind()
    {
        var (code, _, error) = await RunAsync("short\n",
            "create-user", "--email", "weak@arenaplus.example", "--role", "VenueManager", "--org", "ArenaPlus Venues a.s.");

        Assert.Equal(2, code);
        Assert.Contains("Passwords must be at least 12 characters", error);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "weak@arenaplus.example"));
    }

    [Fact]
    public async Task An_unknown_verb_exits_2_with_the_list_of_verbs()
    {
        var (code, _, error) = await RunAsync("", "frobnicate");

        Assert.Equal(2, code);
        Assert.Contains("migrate, seed-demo, create-organization, create-user", error);
    }

    [Fact]
    public async Task Seed_demo_does_nothing_on_a_database_that_has_data()
    {
        var (code, output, _) = await RunAsync("", "seed-demo");

        Assert.Equal(0, code);
        Assert.Contains("nothing seeded", output);
        await using var db = Fixture.NewDbContext();
        Assert.Equal(4, await db.Organizations.CountAsync());
        Assert.Equal(DemoSeeder.Accounts.Count, await db.Users.CountAsync());
    }

    [Fact]
    public async Task Migrate_reports_an_up_to_date_database()
    {
        var (code, output, _) = await RunAsync("", "migrate");

        Assert.Equal(0, code);
        Assert.Contains("up to date", output);
    }

    [Fact]
    public async Task Create_organization_adds_an_organisation_that_create_user_can_name()
    {
        var (code, _, _) = await RunAsync("", "create-organization", "--name", "Divadlo Zlín o.p.s.", "--kind", "operator", "--region", "Zlinsky");
        var (userCode, _, _) = await RunAsync("Theatre-Manager-2026!\n",
            "create-user", "--email", "manager@divadlo-zlin.example", "--role", "VenueManager", "--org", "Divadlo Zlín o.p.s.");

        Assert.Equal(0, code);
        Assert.Equal(0, userCode);
        await using var db = Fixture.NewDbContext();
        var organization = await db.Organizations.SingleAsync(o => o.Name == "Divadlo Zlín o.p.s.");
        Assert.Equal("Zlinsky", organization.Region);
        Assert.True(await db.Users.AnyAsync(u => u.Email == "manager@divadlo-zlin.example" && u.OrganizationId == organization.Id));
    }

    [Theory]
    [InlineData("Club", "Zlinsky", "Unknown kind 'Club'")]
    [InlineData("Operator", "Bavaria", "'Bavaria' is not a region of a published methodology: use one of Praha, ")]
    [InlineData("Operator", "99", "'99' is not a region of a published methodology")]
    public async Task Create_organization_with_an_unknown_kind_or_region_exits_2_and_creates_nothing(string kind, string region, string message)
    {
        var (code, _, error) = await RunAsync("", "create-organization", "--name", "Nowhere s.r.o.", "--kind", kind, "--region", region);

        Assert.Equal(2, code);
        Assert.Contains(message, error);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.Organizations.AnyAsync(o => o.Name == "Nowhere s.r.o."));
    }
}
