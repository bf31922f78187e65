using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace SoftTargets.Core.Data;

/// <summary>
/// Long SQL statements live in .sql files beside the code that runs them, embedded in the assembly (any
/// <c>Features/**/*.sql</c>, by file name). A file may hold placeholders <c>{{name}}</c> for fragments the code
/// supplies, such as the conditions of <c>ComplianceRules.Sql</c>; values always travel as named parameters
/// (<c>@name</c>), never as text. Callers fill a template once and keep the statement.
/// </summary>
internal static partial class SqlTemplate
{
    private static readonly ConcurrentDictionary<string, string> Files = new(StringComparer.Ordinal);

    /// <summary>The text of an embedded .sql file, e.g. <c>ComplianceDashboard.Sites.sql</c>.</summary>
    public static string Read(string name) => Files.GetOrAdd(name, static name =>
    {
        using var stream = typeof(SqlTemplate).Assembly.GetManifestResourceStream($"SoftTargets.Sql.{name}")
            ?? throw new InvalidOperationException($"The SQL file {name} is not embedded in {typeof(SqlTemplate).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    });

    /// <summary>
    /// The file with every placeholder replaced by its fragment. A placeholder without a fragment, or a fragment
    /// the file never asks for, is a mistake in the code and throws.
    /// </summary>
    public static string Fill(string name, IReadOnlyDictionary<string, string> fragments)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var text = Placeholder().Replace(Read(name), match =>
        {
            var key = match.Groups[1].Value;
            if (!fragments.TryGetValue(key, out var fragment))
                throw new InvalidOperationException($"The SQL file {name} has a placeholder {{{{{key}}}}} that nothing fills.");
            used.Add(key);
            return fragment;
        });
        var unused = fragments.Keys.Where(key => !used.Contains(key)).ToList();
        if (unused.Count > 0)
            throw new InvalidOperationException($"The SQL file {name} has no placeholder for {string.Join(", ", unused)}.");
        return text;
    }

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
