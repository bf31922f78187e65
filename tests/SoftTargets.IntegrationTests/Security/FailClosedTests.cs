using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Features.Sites;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Security;

/// <summary>Core called with nobody signed in and outside a system scope refuses, rather than trusting the caller.</summary>
public sealed class FailClosedTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task Nobody_outside_a_system_scope_is_anonymous()
    {
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();

        var actor = await scope.ServiceProvider.GetRequiredService<ICurrentUser>().GetAsync();

        Assert.False(SystemScope.IsActive);
        Assert.Same(Actor.Anonymous, actor);
    }

    [Fact]
    public async Task Core_refuses_nobody_outside_a_system_scope()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();

        var version = await SiteVersionAsync(stadium);

        var site = await scope.ServiceProvider.GetRequiredService<SiteQueries>().GetAsync(stadium);
        var refusal = await Record.ExceptionAsync(() => scope.ServiceProvider.GetRequiredService<SiteService>().DeleteAsync(stadium, version));

        Assert.Null(site);
        Assert.True(refusal is AccessDeniedException or NotFoundException, $"Deleting as nobody gave {refusal?.GetType().Name ?? "no refusal"}.");
        await using var db = Fixture.NewDbContext();
        Assert.True(db.Sites.Any(s => s.Id == stadium));
    }

    [Fact]
    public async Task Inside_a_system_scope_the_application_is_recognised_until_it_ends()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await using var scope = Fixture.Factory.Services.CreateAsyncScope();
        var current = scope.ServiceProvider.GetRequiredService<ICurrentUser>();

        SiteDetails? site;
        using (SystemScope.Begin())
        {
            Assert.True(SystemScope.IsActive);
            Assert.Same(Actor.System, await Task.Run(async () => await current.GetAsync()));
            site = await scope.ServiceProvider.GetRequiredService<SiteQueries>().GetAsync(stadium);
        }

        Assert.NotNull(site);
        Assert.False(SystemScope.IsActive);
        Assert.Same(Actor.Anonymous, await current.GetAsync());
    }

    [Fact]
    public async Task A_request_inside_a_system_scope_is_still_its_own_anonymous_caller()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var client = Fixture.AnonymousClient();

        using (SystemScope.Begin())
        {
            var response = await client.GetAsync($"/api/sites/{stadium}");
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
