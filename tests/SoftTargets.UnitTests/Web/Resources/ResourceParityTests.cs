using System.Text.RegularExpressions;
using System.Xml.Linq;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.UnitTests.Web.Resources;

public partial class ResourceParityTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> EnglishStrings = new(() => Load("Strings.resx"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> CzechStrings = new(() => Load("Strings.cs.resx"));

    private static IReadOnlyDictionary<string, string> English => EnglishStrings.Value;
    private static IReadOnlyDictionary<string, string> Czech => CzechStrings.Value;

    [Fact]
    public void Both_files_have_strings()
    {
        Assert.NotEmpty(English);
        Assert.NotEmpty(Czech);
    }

    [Fact]
    public void English_and_Czech_have_the_same_keys()
    {
        var onlyEnglish = English.Keys.Except(Czech.Keys).Order(StringComparer.Ordinal).ToArray();
        var onlyCzech = Czech.Keys.Except(English.Keys).Order(StringComparer.Ordinal).ToArray();

        Assert.True(onlyEnglish.Length == 0 && onlyCzech.Length == 0,
            $"Only in Strings.resx: [{string.Join(", ", onlyEnglish)}]; only in Strings.cs.resx: [{string.Join(", ", onlyCzech)}]");
    }

    [Fact]
    public void No_value_is_empty()
    {
        var empty = English.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en:" + e.Key)
            .Concat(Czech.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "cs:" + e.Key))
            .ToArray();

        Assert.True(empty.Length == 0, "Empty values: " + string.Join(", ", empty));
    }

    [Fact]
    public void Each_pair_uses_the_same_placeholders()
    {
        var mismatched = English.Keys.Intersect(Czech.Keys)
            .Where(key => !Placeholders(English[key]).SetEquals(Placeholders(Czech[key])))
            .Select(key => $"{key} (en: {string.Join(",", Placeholders(English[key]))}; cs: {string.Join(",", Placeholders(Czech[key]))})")
            .ToArray();

        Assert.True(mismatched.Length == 0, "Placeholders differ: " + string.Join("; ", mismatched));
    }

    [Fact]
    public void Placeholders_are_found_with_and_without_format()
    {
        Assert.Equal(new[] { "{0}", "{1}" }, Placeholders("From {0:d} to {1}, again {0}").Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> EnumAndRoleKeys()
    {
        var data = new TheoryData<string>();
        foreach (var region in Enum.GetNames<Region>()) data.Add("Region_" + region);
        foreach (var role in Roles.All) data.Add("Role_" + role);
        foreach (var kind in Enum.GetNames<OrganizationKind>()) data.Add("OrganizationKind_" + kind);
        foreach (var status in Enum.GetNames<MethodologyVersionStatus>()) data.Add("MethodologyStatus_" + status);
        return data;
    }

    [Theory]
    [MemberData(nameof(EnumAndRoleKeys))]
    public void Every_region_role_organisation_kind_and_methodology_status_has_a_string(string key)
    {
        Assert.True(English.ContainsKey(key), $"Strings.resx has no {key}");
        Assert.True(Czech.ContainsKey(key), $"Strings.cs.resx has no {key}");
    }

    private static HashSet<string> Placeholders(string value) =>
        PlaceholderPattern().Matches(value).Select(m => "{" + m.Groups[1].Value + "}").ToHashSet();

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    private static Dictionary<string, string> Load(string fileName)
    {
        var path = Path.Combine(RepositoryRoot(), "src", "SoftTargets.Web", "Resources", fileName);
        var document = XDocument.Load(path);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var data in document.Root!.Elements("data"))
        {
            var name = (string?)data.Attribute("name") ?? throw new InvalidOperationException($"{fileName}: a <data> element has no name.");
            if (!strings.TryAdd(name, data.Element("value")?.Value ?? ""))
                throw new InvalidOperationException($"{fileName}: the key {name} appears twice.");
        }
        return strings;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SoftTargets.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"SoftTargets.sln was not found above {AppContext.BaseDirectory}.");
    }
}
