using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>A measure that applies to the site only when a threat is assessed high.</summary>
public sealed record SuggestedMeasure(string Key, LocalizedText Title);

/// <summary>
/// Which threats the methodology suggests assessing for a site: a threat is suggested when rating it at the
/// highest risk (5 × 5) makes measures apply to the site that do not apply without it. Pure and deterministic:
/// the same methodology and site always give the same measures, in the methodology's order.
/// </summary>
public sealed class ThreatSuggestions
{
    public const int HighestRisk = HeatMap.Size * HeatMap.Size;

    private readonly MethodologyDocument _methodology;
    private readonly RuleEvaluator _evaluator;
    private readonly ScopeRule _scope;

    public ThreatSuggestions(MethodologyDocument methodology)
    {
        _methodology = methodology;
        _evaluator = new RuleEvaluator(methodology);
        _scope = new ScopeRule(methodology, _evaluator);
    }

    /// <summary>
    /// Threat key → the measures assessing it high would add, for every threat type of the catalogue (empty when
    /// it adds none). An assessed threat is compared with the site without it, so its own rating does not hide why.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<SuggestedMeasure>> For(SiteSnapshot site)
    {
        var attributes = site.Attributes.ToHashSet(StringComparer.Ordinal);
        var risks = new Dictionary<string, int>(StringComparer.Ordinal);
        // As the generator does: a threat assessed twice counts with its higher inherent risk.
        foreach (var threat in site.Threats)
            risks[threat.ThreatKey] = Math.Max(risks.GetValueOrDefault(threat.ThreatKey), threat.InherentRisk);

        var suggestions = new Dictionary<string, IReadOnlyList<SuggestedMeasure>>(StringComparer.Ordinal);
        foreach (var threatType in _methodology.ThreatTypes)
        {
            if (suggestions.ContainsKey(threatType.Key))
                continue;
            var without = new Dictionary<string, int>(risks, StringComparer.Ordinal);
            without.Remove(threatType.Key);
            var high = new Dictionary<string, int>(without, StringComparer.Ordinal) { [threatType.Key] = HighestRisk };
            var before = Applicable(new RuleFacts(site.VenueTypeKey, site.MaxOccupancy, attributes, without, null));
            var after = Applicable(new RuleFacts(site.VenueTypeKey, site.MaxOccupancy, attributes, high, null));
            var gained = new List<SuggestedMeasure>();
            for (var i = 0; i < after.Length; i++)
            {
                if (after[i] && !before[i])
                    gained.Add(new SuggestedMeasure(_methodology.Measures[i].Key, _methodology.Measures[i].Title));
            }
            suggestions[threatType.Key] = gained;
        }
        return suggestions;
    }

    /// <summary>Whether each measure applies, with the tier decided first, exactly as the guideline generator decides it.</summary>
    private bool[] Applicable(RuleFacts facts)
    {
        var tiered = facts with { Tier = _evaluator.FindTier(facts)?.Key };
        var withinScope = _scope.Covers(tiered);
        var applies = new bool[_methodology.Measures.Count];
        for (var i = 0; i < applies.Length; i++)
            applies[i] = _scope.Allows(_methodology.Measures[i].Key, withinScope) && _evaluator.Holds(_methodology.Measures[i].AppliesWhen, tiered);
        return applies;
    }
}
