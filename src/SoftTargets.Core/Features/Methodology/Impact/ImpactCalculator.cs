using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Core.Features.Methodology.Impact;

/// <summary>A site as the impact preview sees it: its rule facts and the version its current plan follows.</summary>
public sealed record ImpactSite(Guid SiteId, RuleFacts Facts, Guid BaselineVersionId);

public sealed record SiteChange(Guid SiteId, IReadOnlyList<string> Gained, IReadOnlyList<string> Lost);

public sealed record ImpactResult(int SitesCompared, IReadOnlyList<SiteChange> Changes,
    IReadOnlyDictionary<string, int> GainedByMeasure, IReadOnlyDictionary<string, int> LostByMeasure);

/// <summary>
/// Which measures each site would gain or lose under a draft, compared with the version its plan
/// follows. Pure and in memory: it runs the real evaluator over every site.
/// </summary>
public sealed class ImpactCalculator
{
    private readonly Applicability _draft;
    private readonly Dictionary<Guid, Applicability> _baselines;

    public ImpactCalculator(MethodologyDocument draft, IReadOnlyDictionary<Guid, MethodologyDocument> baselines)
    {
        _draft = new Applicability(draft);
        _baselines = baselines.ToDictionary(b => b.Key, b => new Applicability(b.Value));
    }

    public ImpactResult Compute(IEnumerable<ImpactSite> sites)
    {
        var changes = new List<SiteChange>();
        var gainedByMeasure = new Dictionary<string, int>();
        var lostByMeasure = new Dictionary<string, int>();
        var compared = 0;
        foreach (var site in sites)
        {
            compared++;
            if (!_baselines.TryGetValue(site.BaselineVersionId, out var baseline)) continue;
            var now = baseline.ApplicableKeys(site.Facts);
            var then = _draft.ApplicableKeys(site.Facts);
            if (now.SetEquals(then)) continue;
            var gained = then.Where(k => !now.Contains(k)).Order(StringComparer.Ordinal).ToList();
            var lost = now.Where(k => !then.Contains(k)).Order(StringComparer.Ordinal).ToList();
            foreach (var key in gained) gainedByMeasure[key] = gainedByMeasure.GetValueOrDefault(key) + 1;
            foreach (var key in lost) lostByMeasure[key] = lostByMeasure.GetValueOrDefault(key) + 1;
            changes.Add(new SiteChange(site.SiteId, gained, lost));
        }
        return new ImpactResult(compared, changes, gainedByMeasure, lostByMeasure);
    }

    /// <summary>One version's measures with their evaluator, ready to be asked for many sites.</summary>
    private sealed class Applicability(MethodologyDocument document)
    {
        private readonly RuleEvaluator _evaluator = new(document);
        private readonly IReadOnlyList<MeasureTemplate> _measures = document.Measures;

        public HashSet<string> ApplicableKeys(RuleFacts facts)
        {
            var withTier = facts with { Tier = _evaluator.FindTier(facts with { Tier = null })?.Key };
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var measure in _measures)
                if (_evaluator.Holds(measure.AppliesWhen, withTier)) keys.Add(measure.Key);
            return keys;
        }
    }
}
