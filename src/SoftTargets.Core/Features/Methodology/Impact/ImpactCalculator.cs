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
/// follows. Pure and in memory: it runs the real evaluator over every site, into reused buffers, and
/// allocates only for the sites that change.
/// </summary>
public sealed class ImpactCalculator
{
    private readonly string[] _keys;
    private readonly Applicability _draft;
    private readonly Dictionary<Guid, Applicability> _baselines;

    public ImpactCalculator(MethodologyDocument draft, IReadOnlyDictionary<Guid, MethodologyDocument> baselines)
    {
        _keys = draft.Measures.Select(m => m.Key).Concat(baselines.Values.SelectMany(b => b.Measures).Select(m => m.Key))
            .Distinct(StringComparer.Ordinal).ToArray();
        var index = _keys.Select((key, i) => (key, i)).ToDictionary(k => k.key, k => k.i, StringComparer.Ordinal);
        _draft = new Applicability(draft, index);
        _baselines = baselines.ToDictionary(b => b.Key, b => new Applicability(b.Value, index));
    }

    public ImpactResult Compute(IEnumerable<ImpactSite> sites)
    {
        var changes = new List<SiteChange>();
        var gainedByMeasure = new Dictionary<string, int>();
        var lostByMeasure = new Dictionary<string, int>();
        var now = new bool[_keys.Length];
        var then = new bool[_keys.Length];
        var compared = 0;
        foreach (var site in sites)
        {
            compared++;
            if (!_baselines.TryGetValue(site.BaselineVersionId, out var baseline)) continue;
            baseline.Fill(site.Facts, now);
            _draft.Fill(site.Facts, then);
            if (now.AsSpan().SequenceEqual(then)) continue;

            List<string> gained = [], lost = [];
            for (var i = 0; i < _keys.Length; i++)
            {
                if (then[i] && !now[i]) gained.Add(_keys[i]);
                else if (now[i] && !then[i]) lost.Add(_keys[i]);
            }
            gained.Sort(StringComparer.Ordinal);
            lost.Sort(StringComparer.Ordinal);
            foreach (var key in gained) gainedByMeasure[key] = gainedByMeasure.GetValueOrDefault(key) + 1;
            foreach (var key in lost) lostByMeasure[key] = lostByMeasure.GetValueOrDefault(key) + 1;
            changes.Add(new SiteChange(site.SiteId, gained, lost));
        }
        return new ImpactResult(compared, changes, gainedByMeasure, lostByMeasure);
    }

    /// <summary>One version's measures with their evaluator, ready to be asked for many sites.</summary>
    private sealed class Applicability
    {
        private readonly RuleEvaluator _evaluator;
        private readonly (Condition? Rule, int Index)[] _measures;
        private readonly string[] _keys;
        private readonly ScopeRule _scope;

        public Applicability(MethodologyDocument document, IReadOnlyDictionary<string, int> index)
        {
            _evaluator = new RuleEvaluator(document);
            _measures = document.Measures.Select(m => (m.AppliesWhen, index[m.Key])).ToArray();
            _keys = document.Measures.Select(m => m.Key).ToArray();
            _scope = new ScopeRule(document, _evaluator);
        }

        /// <summary>Marks in <paramref name="applies"/> (indexed like all keys) the measures that apply to the site.</summary>
        public void Fill(RuleFacts facts, bool[] applies)
        {
            Array.Clear(applies);
            var withTier = facts with { Tier = _evaluator.FindTier(facts)?.Key };
            var withinScope = _scope.Covers(withTier);
            for (var i = 0; i < _measures.Length; i++)
                if (_scope.Allows(_keys[i], withinScope) && _evaluator.Holds(_measures[i].Rule, withTier)) applies[_measures[i].Index] = true;
        }
    }
}
