namespace SoftTargets.UnitTests.Web.Resources;

/// <summary>What the pages say is meant for the people using them, not for whoever runs the server.</summary>
public partial class ResourceParityTests
{
    /// <summary>The command-line verbs (see CommandLine) and words that only an operator of the server acts on.</summary>
    private static readonly string[] OperatorWords =
        ["snapshot-compliance", "seed-demo", "seed-synthetic", "create-user", "create-organization", "regenerate-plans", "appsettings", "stack trace", "an operator can"];

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void No_text_tells_the_reader_to_run_an_operators_command(string resource)
    {
        var texts = Load(resource + ".resx").Concat(Load(resource + ".cs.resx"));

        var operatorTexts = texts.Where(t => OperatorWords.Any(w => t.Value.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(t => t.Key).ToList();

        Assert.True(operatorTexts.Count == 0, $"{resource}: [{string.Join(", ", operatorTexts)}] speak to the server's operator");
    }
}
