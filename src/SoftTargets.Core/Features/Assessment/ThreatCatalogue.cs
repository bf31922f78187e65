using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>A site's rating of one threat: before (inherent) and after (residual) its measures.</summary>
public sealed record AssessedRisk(int InherentLikelihood, int InherentImpact, int ResidualLikelihood, int ResidualImpact, string Rationale)
{
    public int InherentScore => InherentLikelihood * InherentImpact;
    public int ResidualScore => ResidualLikelihood * ResidualImpact;
}

/// <summary>One threat type of the catalogue, whether the methodology suggests it for the site (and why), and the site's rating.</summary>
public sealed record ThreatRow(string Key, LocalizedText Name, IReadOnlyList<SuggestedMeasure> SuggestedMeasures, AssessedRisk? Assessment)
{
    public bool IsSuggested => SuggestedMeasures.Count > 0;
    public bool IsAssessed => Assessment is not null;
}

/// <summary>The threat catalogue as one site sees it. Pure: the same methodology and site give the same rows in the same order.</summary>
public static class ThreatCatalogue
{
    /// <summary>
    /// Assessed threats first, then suggested ones, then the rest, each group in the catalogue's order. A threat the
    /// site assessed under an older methodology that no longer lists it stays visible, named by its key.
    /// </summary>
    /// <param name="rationales">Threat key → the site's rationale for its rating (the snapshot holds only the ratings).</param>
    public static IReadOnlyList<ThreatRow> Build(MethodologyDocument methodology, SiteSnapshot site, IReadOnlyDictionary<string, string>? rationales = null)
    {
        rationales ??= new Dictionary<string, string>();
        var suggestions = new ThreatSuggestions(methodology).For(site);
        var assessed = new Dictionary<string, ThreatSnapshot>(StringComparer.Ordinal);
        foreach (var threat in site.Threats)
            assessed.TryAdd(threat.ThreatKey, threat);

        var rows = new List<ThreatRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in methodology.ThreatTypes)
        {
            if (!seen.Add(item.Key))
                continue;
            rows.Add(new ThreatRow(item.Key, item.Name, suggestions.GetValueOrDefault(item.Key) ?? [],
                assessed.TryGetValue(item.Key, out var threat) ? Risk(threat, rationales) : null));
        }
        foreach (var threat in site.Threats.Where(t => seen.Add(t.ThreatKey)).OrderBy(t => t.ThreatKey, StringComparer.Ordinal))
            rows.Add(new ThreatRow(threat.ThreatKey, new LocalizedText(threat.ThreatKey, threat.ThreatKey), [], Risk(threat, rationales)));

        return rows.Select((row, index) => (row, index))
            .OrderBy(x => x.row.IsAssessed ? 0 : x.row.IsSuggested ? 1 : 2)
            .ThenBy(x => x.index)
            .Select(x => x.row)
            .ToList();
    }

    public static IEnumerable<HeatMapThreat> Assessed(IEnumerable<ThreatRow> rows) =>
        rows.Where(r => r.Assessment is not null).Select(r => new HeatMapThreat(r.Key, r.Name,
            r.Assessment!.InherentLikelihood, r.Assessment.InherentImpact, r.Assessment.ResidualLikelihood, r.Assessment.ResidualImpact));

    private static AssessedRisk Risk(ThreatSnapshot threat, IReadOnlyDictionary<string, string> rationales) => new(threat.InherentLikelihood,
        threat.InherentImpact, threat.ResidualLikelihood, threat.ResidualImpact, rationales.GetValueOrDefault(threat.ThreatKey, ""));
}
