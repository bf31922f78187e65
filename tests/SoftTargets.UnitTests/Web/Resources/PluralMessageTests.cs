using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SoftTargets.Core.Features.Texts;

namespace SoftTargets.UnitTests.Web.Resources;

/// <summary>Every resource string that counts (ICU <c>plural</c>) can be read by the formatter in its language.</summary>
public partial class PluralMessageTests
{
    public static TheoryData<string, string, string> PluralMessages()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var path in Directory.GetFiles(ResourcesFolder(), "*.resx").Order())
        {
            var culture = path.EndsWith(".cs.resx", StringComparison.Ordinal) ? "cs-CZ" : "en-GB";
            foreach (var element in XDocument.Load(path).Root!.Elements("data"))
            {
                var value = element.Element("value")?.Value ?? "";
                if (value.Contains(", plural,", StringComparison.Ordinal))
                    data.Add(Path.GetFileName(path) + ":" + (string)element.Attribute("name")!, culture, value);
            }
        }
        return data;
    }

    [Fact]
    public void Counting_strings_are_written_as_plural_messages()
    {
        Assert.True(PluralMessages().Count() >= 30);
    }

    [Theory]
    [MemberData(nameof(PluralMessages))]
    public void Each_plural_message_formats_for_one_few_and_many(string key, string culture, string pattern)
    {
        var highest = ArgumentPattern().Matches(pattern).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Max();
        foreach (var count in new[] { 1, 2, 5 })
        {
            var args = Enumerable.Repeat<object?>(count, highest + 1).ToArray();
            var text = Plural.Format(new CultureInfo(culture), pattern, args);
            Assert.False(text.Contains('{') || text.Contains('#'), $"{key} ({culture}) for {count} reads: {text}");
        }
    }

    /// <summary>
    /// A plural message read through the localizer's indexer comes out garbled or throws (string.Format does not know
    /// ICU syntax), as the printed plan's gaps once did: every page reads them through <c>Count</c>.
    /// </summary>
    [Fact]
    public void No_page_reads_a_plural_message_through_the_indexer()
    {
        var keys = PluralMessages().Select(row => ((string)row[0]).Split(':')[1]).ToHashSet(StringComparer.Ordinal);
        var web = Path.GetDirectoryName(ResourcesFolder())!;
        var misuse = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => IndexerKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)
                .Where(keys.Contains).Select(k => $"{Path.GetFileName(f)}: {k}"))
            .ToList();
        Assert.True(misuse.Count == 0, "Read through Count instead: " + string.Join(", ", misuse));
    }

    [GeneratedRegex(@"\w\[""(\w+)""")]
    private static partial Regex IndexerKey();

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex ArgumentPattern();

    private static string ResourcesFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SoftTargets.sln"))) return Path.Combine(directory.FullName, "src", "SoftTargets.Web", "Resources");
        throw new InvalidOperationException("SoftTargets.sln was not found.");
    }
}
