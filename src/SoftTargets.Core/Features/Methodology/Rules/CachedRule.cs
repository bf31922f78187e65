using System.Collections.Concurrent;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// One rule of a methodology version with its outcomes worded once per distinct combination of the facts it reads
/// (<see cref="RuleFootprint"/>) and shared between the sites that have it: a measure for schools, a step for sites
/// with queues outside. A rule that reads a number (occupancy, attendance) keeps at most <see cref="MostOutcomes"/>
/// outcomes and words the rest each time. Safe to share between threads; a cached outcome costs no allocation.
/// </summary>
internal sealed class CachedRule
{
    private const int MostOutcomes = 1024;

    private readonly Condition? _rule;
    private readonly RuleEvaluator _evaluator;
    private readonly FactsKeyer _keys;
    // Made on first use: a generator built for one site never needs it.
    private ConcurrentDictionary<FactsKey, RuleOutcome>? _outcomes;
    private int _count;

    public CachedRule(Condition? rule, RuleEvaluator evaluator)
    {
        _rule = rule;
        _evaluator = evaluator;
        var footprint = new RuleFootprint();
        if (rule is not null)
            evaluator.Footprint(rule, footprint);
        _keys = new FactsKeyer(footprint);
    }

    public Condition? Rule => _rule;

    public bool Holds(RuleFacts facts) => _evaluator.Holds(_rule, facts);

    /// <summary>As <see cref="RuleEvaluator.Evaluate"/> says it, the same instance for facts that read alike.</summary>
    public RuleOutcome Evaluate(RuleFacts facts) => Evaluate(facts, out _);

    /// <param name="shared">Whether the outcome is the one kept for every site with these facts (not worded for this site alone).</param>
    public RuleOutcome Evaluate(RuleFacts facts, out bool shared)
    {
        shared = true;
        if (_rule is null)
            return RuleOutcome.EverySite;
        if (_keys.TryKey(facts, out var key))
        {
            var outcomes = LazyInitializer.EnsureInitialized(ref _outcomes, static () => new());
            if (outcomes.TryGetValue(key, out var kept))
                return kept;
            if (Volatile.Read(ref _count) < MostOutcomes)
            {
                kept = outcomes.GetOrAdd(key, static (_, state) => state.Evaluator.Evaluate(state.Rule, state.Facts), (Evaluator: _evaluator, Rule: _rule, Facts: facts));
                Interlocked.Increment(ref _count);
                return kept;
            }
        }
        shared = false;
        return _evaluator.Evaluate(_rule, facts);
    }

}
