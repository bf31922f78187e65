using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Sites;

public sealed class SiteConcurrencyTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_second_update_from_the_same_version_is_reported_as_a_conflict_and_the_first_is_kept()
    {
        await using var db = Fixture.NewDbContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Name == "Koncertní síň Vltava");
        var loadedVersion = site.Version;

        await Fixture.AsAsync<SiteService>(ArenaManager,
            s => s.UpdateProfileAsync(site.Id, site.Profile with { MaxOccupancy = 1300 }, loadedVersion));
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Fixture.AsAsync<SiteService>(ArenaManager,
            s => s.UpdateProfileAsync(site.Id, site.Profile with { MaxOccupancy = 900 }, loadedVersion)));

        Assert.Contains("Someone else changed", conflict.Message);
        await using var check = Fixture.NewDbContext();
        Assert.Equal(1300, (await check.Sites.SingleAsync(s => s.Id == site.Id)).MaxOccupancy);
    }

    [Fact]
    public async Task Deleting_with_a_stale_version_is_a_conflict_and_deletes_nothing()
    {
        await using var db = Fixture.NewDbContext();
        var site = await db.Sites.AsNoTracking().SingleAsync(s => s.Name == "Obchodní centrum Brána Plzeň");

        await Fixture.AsAsync<SiteService>(ArenaManager, s => s.UpdateProfileAsync(site.Id, site.Profile with { DailyVisitors = 13000 }, site.Version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Fixture.AsAsync<SiteService>(ArenaManager, s => s.DeleteAsync(site.Id, site.Version)));
        await using var check = Fixture.NewDbContext();
        Assert.True(await check.Sites.AnyAsync(s => s.Id == site.Id));
    }
}
