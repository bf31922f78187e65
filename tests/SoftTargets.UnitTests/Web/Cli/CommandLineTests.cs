using SoftTargets.Web.Cli;

namespace SoftTargets.UnitTests.Web.Cli;

public class CommandLineTests
{
    [Theory]
    [InlineData("migrate")]
    [InlineData("seed-demo")]
    [InlineData("create-user", "--email", "a@b.test")]
    [InlineData("no-such-verb")]
    public void A_first_argument_that_is_not_an_option_is_a_verb(params string[] args)
    {
        Assert.True(CommandLine.IsVerb(args));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("-e", "x")]
    [InlineData("key=value")]
    [InlineData("ConnectionStrings:Default=Host=localhost")]
    public void Host_options_and_settings_are_not_verbs(params string[] args)
    {
        Assert.False(CommandLine.IsVerb(args));
    }

    [Fact]
    public void No_arguments_is_not_a_verb()
    {
        Assert.False(CommandLine.IsVerb([]));
    }
}
