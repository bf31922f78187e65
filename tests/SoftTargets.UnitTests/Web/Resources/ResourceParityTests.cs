using System.Text.RegularExpressions;
using System.Xml.Linq;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.UnitTests.Web.Resources;

/// <summary>Every resource file (Resources/*.resx) has a Czech twin with the same keys and placeholders.</summary>
public partial class ResourceParityTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> EnglishStrings = new(() => Load("Strings.resx"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> CzechStrings = new(() => Load("Strings.cs.resx"));

    private static IReadOnlyDictionary<string, string> English => EnglishStrings.Value;
    private static IReadOnlyDictionary<string, string> Czech => CzechStrings.Value;

    public static TheoryData<string> ResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ResourcesFolder(), "*.resx").Select(Path.GetFileNameWithoutExtension).Where(f => !f!.EndsWith(".cs")).Order())
            data.Add(file!);
        return data;
    }

    [Fact]
    public void The_shared_and_feature_resources_are_all_found()
    {
        var found = Directory.GetFiles(ResourcesFolder(), "*.resx").Select(Path.GetFileName).ToHashSet();

        Assert.Superset(new HashSet<string?> { "Strings.resx", "RuleStrings.resx", "MethodologyStrings.resx", "MethodologyStrings.cs.resx", "AssessmentStrings.resx", "AssessmentStrings.cs.resx", "AuditStrings.resx", "AuditStrings.cs.resx" }, found);
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Both_files_have_strings(string resource)
    {
        Assert.NotEmpty(Load(resource + ".resx"));
        Assert.NotEmpty(Load(resource + ".cs.resx"));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void English_and_Czech_have_the_same_keys(string resource)
    {
        var (english, czech) = (Load(resource + ".resx"), Load(resource + ".cs.resx"));
        var onlyEnglish = english.Keys.Except(czech.Keys).Order(StringComparer.Ordinal).ToArray();
        var onlyCzech = czech.Keys.Except(english.Keys).Order(StringComparer.Ordinal).ToArray();

        Assert.True(onlyEnglish.Length == 0 && onlyCzech.Length == 0,
            $"Only in {resource}.resx: [{string.Join(", ", onlyEnglish)}]; only in {resource}.cs.resx: [{string.Join(", ", onlyCzech)}]");
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void No_value_is_empty(string resource)
    {
        var (english, czech) = (Load(resource + ".resx"), Load(resource + ".cs.resx"));
        var empty = english.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en:" + e.Key)
            .Concat(czech.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "cs:" + e.Key))
            .ToArray();

        Assert.True(empty.Length == 0, "Empty values: " + string.Join(", ", empty));
    }

    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void Each_pair_uses_the_same_placeholders(string resource)
    {
        var (english, czech) = (Load(resource + ".resx"), Load(resource + ".cs.resx"));
        var mismatched = english.Keys.Intersect(czech.Keys)
            .Where(key => !Placeholders(english[key]).SetEquals(Placeholders(czech[key])))
            .Select(key => $"{key} (en: {string.Join(",", Placeholders(english[key]))}; cs: {string.Join(",", Placeholders(czech[key]))})")
            .ToArray();

        Assert.True(mismatched.Length == 0, "Placeholders differ: " + string.Join("; ", mismatched));
    }

    [Fact]
    public void Placeholders_are_found_with_and_without_format()
    {
        Assert.Equal(new[] { "{0}", "{1}" }, Placeholders("From {0:d} to {1}, again {0}").Order(StringComparer.Ordinal));
    }

    public static TheoryData<string> MethodologyEnumKeys()
    {
        var data = new TheoryData<string>();
        foreach (var value in Enum.GetNames<MeasurePriority>()) data.Add("Priority_" + value);
        foreach (var value in Enum.GetNames<Procedure>()) data.Add("Procedure_" + value);
        foreach (var value in Enum.GetNames<IncidentPhase>()) data.Add("Phase_" + value);
        foreach (var value in Enum.GetNames<SoftTargets.Core.Features.Methodology.Diff.DiffArea>()) data.Add("DiffArea_" + value);
        foreach (var value in Enum.GetNames<SoftTargets.Core.Features.Methodology.Diff.ChangeKind>()) data.Add("ChangeKind_" + value);
        foreach (var field in new[] { "key", "title", "category", "priority", "role", "reviewMonths", "guidance", "evidence", "appliesWhen",
                     "text", "levels", "threat", "phase", "procedure", "targetMinutes", "playbook", "name", "when", "order" })
            data.Add("Field_" + field);
        return data;
    }

    [Theory]
    [MemberData(nameof(MethodologyEnumKeys))]
    public void Every_methodology_choice_and_diff_field_has_a_string(string key)
    {
        Assert.True(Load("MethodologyStrings.resx").ContainsKey(key), $"MethodologyStrings.resx has no {key}");
    }

    public static TheoryData<string> RiskScaleKeys()
    {
        var data = new TheoryData<string>();
        foreach (var level in Enumerable.Range(1, 5)) { data.Add("Likelihood_" + level); data.Add("Impact_" + level); }
        foreach (var band in Enum.GetNames<SoftTargets.Core.Features.Assessment.RiskBand>()) data.Add("Band_" + band);
        foreach (var view in Enum.GetNames<SoftTargets.Core.Features.Assessment.RiskView>()) { data.Add("HeatMap_" + view); data.Add("HeatMap_Caption_" + view); }
        return data;
    }

    [Theory]
    [MemberData(nameof(RiskScaleKeys))]
    public void Every_scale_word_risk_band_and_heat_map_view_has_a_string(string key)
    {
        Assert.True(Load("AssessmentStrings.resx").ContainsKey(key), $"AssessmentStrings.resx has no {key}");
    }

    public static TheoryData<string> EnumAndRoleKeys()
    {
        var data = new TheoryData<string>();
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
        var path = Path.Combine(ResourcesFolder(), fileName);
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

    private static string ResourcesFolder() => Path.Combine(RepositoryFolder.Root, "src", "SoftTargets.Web", "Resources");
}
