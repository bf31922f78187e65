using System.Security.Cryptography;
using System.Text;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.UnitTests.Domain.Users;

public class SignInSecurityTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);

    [Fact]
    public void An_unknown_address_is_locked_at_the_fifth_failure_and_counts_afresh_once_the_lock_ends()
    {
        var failures = new SignInFailure("hash");

        for (var i = 0; i < 4; i++) failures.Fail(Now, 5, Lockout);
        Assert.False(failures.IsLocked(Now));
        failures.Fail(Now, 5, Lockout);
        Assert.True(failures.IsLocked(Now.AddMinutes(14)));
        Assert.False(failures.IsLocked(Now.AddMinutes(15)));

        failures.Fail(Now.AddMinutes(16), 5, Lockout);
        Assert.False(failures.IsLocked(Now.AddMinutes(16)));
        Assert.Equal(1, failures.Count);
    }

    [Fact]
    public void A_token_secret_is_random_recognisable_and_kept_only_as_its_sha256()
    {
        var (token, secret) = ApiToken.Issue("user-1", Guid.NewGuid(), "  CI  ", ["VenueManager", "VenueManager"], Now, Now.AddDays(30));
        var (_, other) = ApiToken.Issue("user-1", Guid.NewGuid(), "CI", ["VenueManager"], Now, Now.AddDays(30));

        Assert.StartsWith("stk_", secret);
        Assert.True(secret.Length >= 40);
        Assert.NotEqual(secret, other);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(secret)), token.SecretHash);
        Assert.Equal("CI", token.Name);
        Assert.Equal(["VenueManager"], token.Roles);
    }

    [Fact]
    public void A_token_is_usable_until_it_expires_or_is_revoked()
    {
        var (token, _) = ApiToken.Issue("user-1", Guid.NewGuid(), "CI", ["Auditor"], Now, Now.AddDays(1));

        Assert.True(token.IsUsable(Now.AddHours(23)));
        Assert.False(token.IsUsable(Now.AddDays(1)));
        token.Revoke(Now.AddHours(1));
        Assert.False(token.IsUsable(Now.AddHours(2)));
    }

    [Fact]
    public void A_session_ends_after_the_idle_timeout_or_at_its_absolute_end()
    {
        var session = new UserSession("key", "user-1", [1], Now, Now.AddHours(12));

        Assert.True(session.IsLive(Now.AddMinutes(29), TimeSpan.FromMinutes(30)));
        Assert.False(session.IsLive(Now.AddMinutes(30), TimeSpan.FromMinutes(30)));
        session.LastSeenAt = Now.AddHours(11).AddMinutes(50);
        Assert.True(session.IsLive(Now.AddHours(11).AddMinutes(55), TimeSpan.FromMinutes(30)));
        Assert.False(session.IsLive(Now.AddHours(12), TimeSpan.FromMinutes(30)));
    }
}
