using System.CommandLine;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Cli;

/// <summary>
/// Verbs for operators, run with the same configuration as the web app (see <see cref="Verbs"/>):
/// <c>migrate</c>, <c>seed-demo</c>, <c>create-organization --name N --kind K --region R</c>,
/// <c>create-user --email E --role R --org O</c> (password on standard input), <c>generate --site site.json</c>,
/// <c>regenerate-plans</c>, <c>compact-plans</c>, <c>snapshot-compliance</c>, <c>seed-synthetic --sites N</c>; <c>help</c> and
/// <c>&lt;verb&gt; --help</c> describe them. Parsed with System.CommandLine; a bad argument prints what is wrong and the
/// verb's usage and exits with <see cref="Usage"/>.
/// </summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    /// <summary>A first argument that is not an option is a verb (known or not); options are for the web host.</summary>
    public static bool IsVerb(string[] args) => args.Length > 0 && args[0].Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=');

    public static async Task<int> RunAsync(IServiceProvider rootServices, string[] args, TextReader? input = null, TextWriter? output = null, TextWriter? error = null)
    {
        input ??= Console.In;
        output ??= Console.Out;
        error ??= Console.Error;
        var verbs = new Verbs(rootServices, input, output, error);
        if (args[0] == "help")
        {
            // "help" lists the verbs, "help <verb>" describes one: the same as "--help" on either.
            args = [.. args[1..], "--help"];
        }
        else if (verbs.Find(args[0]) is null)
        {
            await error.WriteLineAsync($"Unknown verb '{args[0]}'. Use one of: {string.Join(", ", verbs.Names)}.");
            await error.WriteLineAsync("Run 'help' for what each does, '<verb> --help' for its options.");
            return Usage;
        }

        var parsed = verbs.Root.Parse(verbs.WithCanonicalOptionNames(args));
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
                await error.WriteLineAsync(problem.Message);
            await error.WriteLineAsync(verbs.UsageOf(parsed.CommandResult.Command));
            return Usage;
        }

        // Verbs are the operator acting as the application itself; the scope ends when the verb returns.
        using var system = SystemScope.Begin();
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }
}
