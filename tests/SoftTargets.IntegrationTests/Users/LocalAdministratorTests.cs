using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Users;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Users;

public sealed class LocalAdministratorTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string LocalAdmin = "local.admin@arenaplus.example";

    private async Task CreateLocalAdministratorAsync() =>
        await Fixture.AsAsync<string, UserAdministration>(Administrator, s =>
            s.CreateAsync(LocalAdmin, "Local Admin", Roles.LocalAdministrator, "ArenaPlus Venues a.s.", "Local-Admin-Password-2026!"));

    [Fact]
    public async Task A_local_administrator_lists_and_manages_only_their_own_organisations_users()
    {
        await CreateLocalAdministratorAsync();
        var school = (await Fixture.ActorAsync(SchoolManager)).UserId;
        var arena = (await Fixture.ActorAsync(ArenaManager)).UserId;

        var listed = await Fixture.AsAsync<IReadOnlyList<UserListItem>, UserAdministration>(LocalAdmin, s => s.ListAsync());
        Assert.All(listed, u => Assert.Equal("ArenaPlus Venues a.s.", u.OrganizationName));
        Assert.Contains(listed, u => u.Id == arena);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<UserListItem, UserAdministration>(LocalAdmin, s => s.GetAsync(school)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<UserAdministration>(LocalAdmin, s => s.DeactivateAsync(school)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<UserAdministration>(LocalAdmin, s => s.UnlockAsync(school)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<UserAdministration>(LocalAdmin, s => s.UpdateAsync(school, new UserChange("Taken", [Roles.VenueManager], "en"))));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<string, UserAdministration>(LocalAdmin, s => s.InviteAsync(
            new UserInvitation("intruder@zs-lipova.example", "Intruder", SchoolOrganization(), [Roles.VenueManager], "cs"))));

        await Fixture.AsAsync<UserAdministration>(LocalAdmin, s => s.DeactivateAsync(arena));
        await using var db = Fixture.NewDbContext();
        Assert.NotNull(await db.Users.Where(u => u.Id == arena).Select(u => u.DeactivatedAt).SingleAsync());
        Assert.Null(await db.Users.Where(u => u.Id == school).Select(u => u.DeactivatedAt).SingleAsync());
    }

    [Fact]
    public async Task A_local_administrator_resets_the_second_factor_only_of_their_own_organisations_users()
    {
        await CreateLocalAdministratorAsync();
        var school = (await Fixture.ActorAsync(SchoolManager)).UserId;
        var arena = (await Fixture.ActorAsync(ArenaManager)).UserId;
        await using (var db = Fixture.NewDbContext())
            await db.Users.Where(u => u.Id == school || u.Id == arena).ExecuteUpdateAsync(u => u.SetProperty(x => x.TwoFactorEnabled, true));
        var before = await Fixture.AsAsync<IReadOnlyList<UserListItem>, UserAdministration>(LocalAdmin, s => s.ListAsync());
        Assert.True(before.Single(u => u.Id == arena).HasTwoFactor);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<UserAdministration>(LocalAdmin, s => s.ResetTwoFactorAsync(school)));
        await Fixture.AsAsync<UserAdministration>(LocalAdmin, s => s.ResetTwoFactorAsync(arena));

        var after = await Fixture.AsAsync<IReadOnlyList<UserListItem>, UserAdministration>(LocalAdmin, s => s.ListAsync());
        Assert.False(after.Single(u => u.Id == arena).HasTwoFactor);
        await using var check = Fixture.NewDbContext();
        Assert.True(await check.Users.Where(u => u.Id == school).Select(u => u.TwoFactorEnabled).SingleAsync());
    }

    [Fact]
    public async Task A_local_administrator_cannot_give_ministry_roles()
    {
        await CreateLocalAdministratorAsync();
        var arena = (await Fixture.ActorAsync(ArenaManager)).UserId;

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            Fixture.AsAsync<UserAdministration>(LocalAdmin, s => s.UpdateAsync(arena, new UserChange("Arena", [Roles.Administrator], "en"))));

        Assert.Contains("Roles", refused.Errors.Keys);
        Assert.Contains("Místní správce", refused.Problems["Roles"].Cs);
    }

    [Fact]
    public async Task A_venue_manager_manages_no_users()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<IReadOnlyList<UserListItem>, UserAdministration>(ArenaManager, s => s.ListAsync()));
    }

    private Guid SchoolOrganization()
    {
        using var db = Fixture.NewDbContext();
        return db.Organizations.Where(o => o.Name == "Základní škola Lipová Olomouc").Select(o => o.Id).Single();
    }
}
