using System.Net;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Users;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Tests;

namespace SoftTargets.IntegrationTests.Users;

public sealed class InvitationTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string NewPassword = "Invited-Person-2026!";

    [Fact]
    public async Task An_invited_person_sets_a_password_from_the_mailed_link_and_signs_in()
    {
        var organization = await OrganizationIdAsync("ArenaPlus Venues a.s.");
        var id = await Fixture.AsAsync<string, UserAdministration>(Administrator, s => s.InviteAsync(
            new UserInvitation("new.manager@arenaplus.example", "Nová Manažerka", organization, [Roles.VenueManager], Languages.Czech)));

        var mail = await Fixture.Mail.LatestToAsync("new.manager@arenaplus.example");
        Assert.StartsWith("Pozvánka do SoftTargets", mail.Subject);
        var (user, token) = LinkParts(TestMailServer.LinkIn(mail));
        Assert.Equal(id, user);
        var client = Fixture.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await DatabaseFixture.PostLoginAsync(client, "new.manager@arenaplus.example", NewPassword)).StatusCode);

        await Fixture.AsAsync<AccountRecovery>(Administrator, r => r.AcceptInvitationAsync(user, token, NewPassword));

        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, "new.manager@arenaplus.example", NewPassword)).StatusCode);
        // The link works once.
        await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<AccountRecovery>(Administrator, r => r.AcceptInvitationAsync(user, token, "Another-Password-2026!")));
    }

    [Fact]
    public async Task A_forged_invitation_token_sets_no_password()
    {
        var organization = await OrganizationIdAsync("ArenaPlus Venues a.s.");
        var id = await Fixture.AsAsync<string, UserAdministration>(Administrator, s => s.InviteAsync(
            new UserInvitation("forged@arenaplus.example", "Forged", organization, [Roles.VenueManager], Languages.English)));

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<AccountRecovery>(Administrator, r => r.AcceptInvitationAsync(id, "not-a-token", NewPassword)));

        Assert.Contains("Token", refused.Errors.Keys);
        await using var db = Fixture.NewDbContext();
        Assert.Null(await db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_and_an_unknown_address_gets_no_mail()
    {
        Fixture.Mail.Clear();
        await Fixture.AsAsync<AccountRecovery>(Administrator, r => r.RequestPasswordResetAsync("nobody@arenaplus.example"));
        await Fixture.AsAsync<AccountRecovery>(Administrator, r => r.RequestPasswordResetAsync(ArenaManager));

        var mail = await Fixture.Mail.LatestToAsync(ArenaManager);
        Assert.Equal("Reset your SoftTargets password", mail.Subject);
        var (user, token) = LinkParts(TestMailServer.LinkIn(mail));
        await Fixture.AsAsync<AccountRecovery>(Administrator, r => r.ResetPasswordAsync(user, token, "Reset-Password-2026!"));

        var client = Fixture.AnonymousClient();
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, ArenaManager, "Reset-Password-2026!")).StatusCode);
        Assert.Empty(Fixture.Mail.To("nobody@arenaplus.example"));
        await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<AccountRecovery>(Administrator, r => r.ResetPasswordAsync(user, token, "Reset-Again-2026!!")));
    }

    [Fact]
    public async Task A_deactivated_user_cannot_sign_in_until_reactivated()
    {
        var id = (await Fixture.ActorAsync(ArenaManager)).UserId;
        await Fixture.AsAsync<UserAdministration>(Administrator, s => s.DeactivateAsync(id));
        var client = Fixture.AnonymousClient();

        Assert.Equal(HttpStatusCode.OK, (await DatabaseFixture.PostLoginAsync(client, ArenaManager, Core.Data.Seed.DemoSeeder.Password)).StatusCode);

        await Fixture.AsAsync<UserAdministration>(Administrator, s => s.ReactivateAsync(id));
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, ArenaManager, Core.Data.Seed.DemoSeeder.Password)).StatusCode);
    }

    private async Task<Guid> OrganizationIdAsync(string name)
    {
        await using var db = Fixture.NewDbContext();
        return await db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    internal static (string User, string Token) LinkParts(string link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        return (query["user"]!, query["token"]!);
    }
}
