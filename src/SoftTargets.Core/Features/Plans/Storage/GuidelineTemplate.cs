using System.ComponentModel;
using System.Text.RegularExpressions;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Core.Features.Plans.Storage;

/// <summary>
/// What every guideline of one published methodology version shares, prepared once: the measures, tier names, playbooks,
/// the threat and role names, and each step text cut at its placeholders. A stored revision keeps only what differs per
/// site and is read back against this. Immutable, so the cache of published versions hands out one instance.
/// </summary>
[ImmutableObject(true)]
public sealed partial class GuidelineTemplate
{
    private GuidelineTemplate(IReadOnlyList<MeasureTemplate> measures, Dictionary<string, LocalizedText> tierNames, PlaybookShape[] playbooks,
        RuleEvaluator rules)
    {
        Rules = rules;
        Measures = measures;
        TierNames = tierNames;
        Playbooks = playbooks;
    }

    internal IReadOnlyList<MeasureTemplate> Measures { get; }
    internal IReadOnlyDictionary<string, LocalizedText> TierNames { get; }
    internal IReadOnlyList<PlaybookShape> Playbooks { get; }

    /// <summary>The version's rules, which give the reasons again from a site's facts.</summary>
    internal RuleEvaluator Rules { get; }

    public static GuidelineTemplate Of(MethodologyDocument methodology)
    {
        var roles = Names(methodology.Roles);
        var threats = Names(methodology.ThreatTypes);
        var tiers = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var tier in methodology.Tiers)
            tiers.TryAdd(tier.Key, tier.Name);
        var playbooks = methodology.Playbooks
            .Select(p => new PlaybookShape(p, Name(threats, p.Threat),
                p.Steps.Select(s => new StepShape(s, Name(roles, s.Role), Literals(s.Text.En), Literals(s.Text.Cs))).ToArray()))
            .ToArray();
        return new GuidelineTemplate(methodology.Measures, tiers, playbooks, new RuleEvaluator(methodology));
    }

    /// <summary>The literal text around a step text's placeholders: one more piece than there are placeholders.</summary>
    private static string[] Literals(string? text)
    {
        var parts = Placeholder().Split(text ?? "");
        var literals = new string[(parts.Length + 1) / 2];
        for (var i = 0; i < literals.Length; i++)
            literals[i] = parts[i * 2];
        return literals;
    }

    // The first entry wins on a duplicated key, as in the generator; an unknown key reads as itself.
    private static Dictionary<string, LocalizedText> Names(IReadOnlyList<CatalogItem> items)
    {
        var names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var item in items)
            names.TryAdd(item.Key, item.Name);
        return names;
    }

    private static LocalizedText Name(Dictionary<string, LocalizedText> names, string key) =>
        names.TryGetValue(key, out var name) ? name : new(key, key);

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();

    internal sealed record PlaybookShape(PlaybookTemplate Template, LocalizedText ThreatName, IReadOnlyList<StepShape> Steps);

    internal sealed record StepShape(PlaybookStep Step, LocalizedText RoleName, string[] En, string[] Cs);
}
