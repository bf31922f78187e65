using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// The one definition of a methodology's scope, for the guideline generator and every bulk applicability check (impact
/// preview, threat suggestions): a site for which the scope's rule does not hold is outside it, and then only the
/// baseline measures can apply, each under its own rule. Without a scope every site is within it.
/// </summary>
public sealed class ScopeRule
{
    private readonly MethodologyScope? _scope;
    private readonly RuleEvaluator _evaluator;
    private readonly HashSet<string> _baseline;

    public ScopeRule(MethodologyDocument document, RuleEvaluator evaluator)
    {
        _scope = document.Scope;
        _evaluator = evaluator;
        _baseline = _scope?.Baseline.ToHashSet(StringComparer.Ordinal) ?? [];
    }

    public MethodologyScope? Scope => _scope;

    public int BaselineCount => _baseline.Count;

    /// <summary>Whether the site (facts with its tier) is within the scope.</summary>
    public bool Covers(RuleFacts facts) => _scope is null || _evaluator.Holds(_scope.When, facts);

    /// <summary>Whether the measure may apply at all: always within the scope, only a baseline measure outside it.</summary>
    public bool Allows(string measureKey, bool withinScope) => withinScope || _baseline.Contains(measureKey);
}
