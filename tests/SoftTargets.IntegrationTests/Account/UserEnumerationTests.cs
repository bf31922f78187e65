using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Domain.Users;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Account;

/// <summary>
/// The sign-in page answers an unknown e-mail exactly like a real account with a wrong password:
/// the same message, the same work (one password check against a hash of the same hasher either way), and the same lockout after
/// the same number of failures.
/// </summary>
public sealed partial class UserEnumerationTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Unknown = "nobody@nowhere.example";

    [Fact]
    public async Task An_unknown_e_mail_gets_the_same_answers_as_a_real_one_and_is_locked_after_the_same_five_failures()
    {
        var client = Fixture.AnonymousClient();
        var realAnswers = new List<string>();
        var unknownAnswers = new List<string>();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            realAnswers.Add(await MessageAsync(await DatabaseFixture.PostLoginAsync(client, SchoolManager, "wrong-password")));
            unknownAnswers.Add(await MessageAsync(await DatabaseFixture.PostLoginAsync(client, Unknown, "wrong-password")));
        }

        Assert.Equal(realAnswers, unknownAnswers);
        Assert.All(realAnswers.Take(4), m => Assert.Contains("not correct", m));
        Assert.All(realAnswers.Skip(4), m => Assert.Contains("locked after 5 wrong passwords", m));
        await using var db = Fixture.NewDbContext();
        Assert.DoesNotContain(db.SignInFailures.AsEnumerable(), f => f.AddressHash.Contains('@'));
    }

    [Fact]
    public async Task An_unknown_e_mail_costs_one_password_check_against_a_hash_of_the_same_hasher_like_a_real_one()
    {
        // Counting the checks instead of timing them: refusing an unknown address used to skip the hash
        // (or check one made with other settings), which showed in the answer's time.
        var hasher = new CountingHasher();
        await using var host = Fixture.Derive(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<ApplicationUser>>(hasher)));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        await DatabaseFixture.PostLoginAsync(client, Auditor, "wrong-password");
        var real = hasher.Checks;
        await DatabaseFixture.PostLoginAsync(client, "nobody-counted@nowhere.example", "wrong-password");
        var unknown = hasher.Checks - real;

        Assert.Equal(1, real);
        Assert.Equal(1, unknown);
        Assert.Equal(1, hasher.Hashes); // the unknown address's stand-in hash, made once by this same hasher
    }

    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new(Options.Create(new PasswordHasherOptions { IterationCount = 1 }));
        private int _checks, _hashes;

        public int Checks => _checks;
        public int Hashes => _hashes;

        public string HashPassword(ApplicationUser user, string password)
        {
            Interlocked.Increment(ref _hashes);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return LoginMessage().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }


    [GeneratedRegex("id=\"login-message\">([^<]*)<")]
    private static partial Regex LoginMessage();
}
