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

    [GeneratedRegex(@"\{(\d+)")]
    private static partial Regex ArgumentPattern();

    private static string ResourcesFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SoftTargets.sln"))) return Path.Combine(directory.FullName, "src", "SoftTargets.Web", "Resources");
        throw new InvalidOperationException("SoftTargets.sln was not found.");
    }
}
