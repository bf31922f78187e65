using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Account;

/// <summary>
/// The sign-in page answers an unknown e-mail exactly like a real account with a wrong password:
/// the same message, about the same time (a password hash either way), and the same lockout after
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
    public async Task An_unknown_e_mail_takes_about_as_long_to_refuse_as_a_real_one()
    {
        var client = Fixture.AnonymousClient();
        await DatabaseFixture.PostLoginAsync(client, Auditor, "warm-up-wrong");
        await DatabaseFixture.PostLoginAsync(client, "warm-up@nowhere.example", "warm-up-wrong");

        var real = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            real.Add(await TimeAsync(() => DatabaseFixture.PostLoginAsync(client, Auditor, "wrong-password")));
            unknown.Add(await TimeAsync(() => DatabaseFixture.PostLoginAsync(client, $"nobody{i}@nowhere.example", "wrong-password")));
        }

        // Loose bounds on a shared machine: refusing an unknown address used to skip the password hash
        // and take a small fraction of the time.
        var ratio = Median(unknown) / Median(real);
        Assert.InRange(ratio, 0.4, 2.5);
    }

    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return LoginMessage().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
    }

    private static async Task<double> TimeAsync(Func<Task> call)
    {
        var watch = Stopwatch.StartNew();
        await call();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [GeneratedRegex("id=\"login-message\">([^<]*)<")]
    private static partial Regex LoginMessage();
}
