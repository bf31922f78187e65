using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Web.Cli;

namespace SoftTargets.UnitTests.Web.Cli;

/// <summary>Help and bad arguments are answered before any verb runs: no service is asked for, nothing is written.</summary>
public sealed class CommandLineParsingTests
{
    private static readonly string[] AllVerbs =
        ["migrate", "seed-demo", "create-organization", "create-user", "generate", "regenerate-plans", "compact-plans", "seed-synthetic", "snapshot-compliance"];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        // No services at all: a verb that got as far as running would fail to resolve what it needs.
        await using var services = new ServiceCollection().BuildServiceProvider();
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.RunAsync(services, args, new StringReader(""), output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Help_lists_every_verb_and_exits_0()
    {
        var (code, output, error) = await RunAsync("help");

        Assert.Equal(CommandLine.Ok, code);
        Assert.Empty(error);
        Assert.All(AllVerbs, verb => Assert.Contains(verb, output));
    }

    [Theory]
    [InlineData("create-user", "--help")]
    [InlineData("create-user", "-h")]
    [InlineData("help", "create-user")]
    public async Task Help_of_a_verb_describes_its_options(params string[] args)
    {
        var (code, output, _) = await RunAsync(args);

        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("--email <email>", output);
        Assert.Contains("--org <organisation name>", output);
        Assert.Contains("--name <display name>", output);
        Assert.Contains("standard input", output);
    }

    [Fact]
    public async Task Every_verb_has_help()
    {
        foreach (var verb in AllVerbs)
        {
            var (code, output, _) = await RunAsync(verb, "--help");

            Assert.Equal(CommandLine.Ok, code);
            Assert.Contains(verb, output);
        }
    }

    [Fact]
    public async Task An_unknown_verb_exits_2_with_the_list_of_verbs()
    {
        var (code, output, error) = await RunAsync("frobnicate");

        Assert.Equal(CommandLine.Usage, code);
        Assert.Empty(output);
        Assert.Contains("Unknown verb 'frobnicate'. Use one of: " + string.Join(", ", AllVerbs) + ".", error);
    }

    [Fact]
    public async Task A_missing_required_option_exits_2_naming_it_with_the_usage()
    {
        var (code, _, error) = await RunAsync("create-user", "--email", "x@example.org", "--role", "Auditor");

        Assert.Equal(CommandLine.Usage, code);
        Assert.Contains("--org", error);
        Assert.Contains("Usage: create-user --email <email> --role <role> --org <organisation name> [--name <display name>]; the password is read from standard input.", error);
    }

    [Fact]
    public async Task Option_names_are_read_regardless_of_case()
    {
        var (code, _, error) = await RunAsync("create-user", "--EMAIL", "x@example.org", "--Role", "Auditor");

        Assert.Equal(CommandLine.Usage, code);
        Assert.DoesNotContain("'--EMAIL'", error);
        Assert.DoesNotContain("'--Role'", error);
        Assert.Contains("--org", error);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_naming_it()
    {
        var (code, _, error) = await RunAsync("migrate", "--force");

        Assert.Equal(CommandLine.Usage, code);
        Assert.Contains("'--force'", error);
        Assert.Contains("Usage: migrate", error);
    }

    [Theory]
    [InlineData("Club", "Unknown kind 'Club'. Use one of: Ministry, Operator, AuditBody.")]
    [InlineData("7", "Unknown kind '7'.")]
    public async Task An_unknown_organisation_kind_exits_2_with_the_kinds(string kind, string message)
    {
        var (code, _, error) = await RunAsync("create-organization", "--name", "X s.r.o.", "--kind", kind, "--region", "Praha");

        Assert.Equal(CommandLine.Usage, code);
        Assert.Contains(message, error);
        Assert.Contains("Usage: create-organization --name <name> --kind <kind> --region <region>", error);
    }

    [Theory]
    [InlineData("seed-synthetic")]
    [InlineData("seed-synthetic --sites many")]
    [InlineData("seed-synthetic --sites 0")]
    [InlineData("seed-synthetic --sites 1000001")]
    [InlineData("generate")]
    [InlineData("generate --site")]
    public async Task A_missing_or_wrong_value_exits_2_with_the_verbs_usage(string command)
    {
        var args = command.Split(' ');

        var (code, output, error) = await RunAsync(args);

        Assert.Equal(CommandLine.Usage, code);
        Assert.Empty(output);
        Assert.Contains($"Usage: {args[0]} --", error);
    }

    [Fact]
    public void The_web_hosts_own_arguments_are_not_verbs()
    {
        Assert.False(CommandLine.IsVerb(["--urls", "http://localhost:5080"]));
        Assert.False(CommandLine.IsVerb(["urls=http://localhost:5080"]));
        Assert.False(CommandLine.IsVerb([]));
        Assert.True(CommandLine.IsVerb(["help"]));
        Assert.True(CommandLine.IsVerb(["migrate"]));
    }
}
