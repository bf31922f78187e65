using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// Generates a site's guideline from a methodology version: pure and deterministic, the same input always
/// gives the same guideline and hash. Build one per methodology version and reuse it for many sites; it holds
/// no mutable state and may be shared between threads.
/// </summary>
public sealed class GuidelineGenerator
{
    private readonly MethodologyDocument _methodology;
    private readonly string _methodologyVersionKey;
    private readonly RuleEvaluator _evaluator;
    private readonly Dictionary<string, LocalizedText> _roleNames;
    private readonly Dictionary<string, int> _measureIndex = new(StringComparer.Ordinal);
    private readonly List<PreparedPlaybook> _playbooks = [];
    private readonly List<PreparedQuestion> _questions = [];
    private readonly List<CatalogItem> _requiredRoles = [];
    private readonly ScopeRule _scope;

    // The rules with their outcomes worded once per distinct set of the facts each reads, and the contact placeholders' markers.
    private readonly PreparedMeasure[] _measures;
    private readonly CachedRule[] _tierRules;
    private readonly CachedRule? _scopeRule;
    private readonly ContactPlaceholders _contacts;

    // The tier and its reason, kept per distinct set of the facts the tiers' rules read (a bounded number of them).
    private const int MostTiers = 4096;
    private readonly FactsKeyer _tierKeys;
    private readonly ConcurrentDictionary<FactsKey, (TierOutcome Outcome, LocalizedText Reason)> _tiers = new();
    private int _tierCount;

    // The steps whose texts and reason are kept instances, by step and those instances (a bounded number of them).
    private const int MostSteps = 8192;
    private readonly ConcurrentDictionary<(PreparedStep, string, string, LocalizedText?), GuidelineStep> _steps = new(SameInstances.Comparer);
    private int _stepCount;

    public GuidelineGenerator(MethodologyDocument methodology, string methodologyVersionKey)
    {
        _methodology = methodology;
        _methodologyVersionKey = methodologyVersionKey;
        _evaluator = new RuleEvaluator(methodology);
        _roleNames = Names(methodology.Roles);
        var threatNames = Names(methodology.ThreatTypes);
        var roles = _roleNames.Keys.ToHashSet(StringComparer.Ordinal);

        for (var i = 0; i < methodology.Measures.Count; i++)
            _measureIndex.TryAdd(methodology.Measures[i].Key, i);
        _requiredRoles.AddRange(methodology.Roles.Where(r => r.Required || r.RequiredWhen is not null).DistinctBy(r => r.Key));
        _scope = new ScopeRule(methodology, _evaluator);
        _contacts = new ContactPlaceholders(_roleNames);
        _measures = methodology.Measures
            .Select(m => new PreparedMeasure(new CachedRule(m.AppliesWhen, _evaluator), m.Variants?.Select(v => new CachedRule(v.When, _evaluator)).ToArray()))
            .ToArray();
        _tierRules = methodology.Tiers.Select(t => new CachedRule(t.When, _evaluator)).ToArray();
        _scopeRule = _scope.Scope is { } scope ? new CachedRule(scope.When, _evaluator) : null;
        var tierFootprint = new RuleFootprint();
        foreach (var tier in methodology.Tiers)
            _evaluator.Footprint(tier.When, tierFootprint);
        _tierKeys = new FactsKeyer(tierFootprint);

        var filledTexts = new FilledTexts();
        foreach (var playbook in methodology.Playbooks)
        {
            var steps = playbook.Steps
                .Select(s => new PreparedStep(s, RoleName(s.Role), new StepTextTemplate(s.Text.En, roles, filledTexts), new StepTextTemplate(s.Text.Cs, roles, filledTexts),
                    s.When is null ? null : new CachedRule(s.When, _evaluator)))
                .ToArray();
            _playbooks.Add(new PreparedPlaybook(playbook, Name(threatNames, playbook.Threat), steps));
        }

        foreach (var question in methodology.Questions)
        {
            var calls = new Dictionary<int, string[]>();
            foreach (var level in question.Levels)
                calls.TryAdd(level.Level, level.Calls.Distinct().Order(StringComparer.Ordinal).ToArray());
            _questions.Add(new PreparedQuestion(question.Key, calls));
        }
    }

    public Guideline Generate(SiteSnapshot site)
    {
        var risks = ThreatRisks(site);
        var facts = SnapshotFacts.Of(site, risks);
        var (tier, tierReason) = Tier(facts);
        facts = facts with { Tier = tier.Tier?.Key };
        var outOfScope = OutOfScope(facts);
        var measures = Measures(facts, outOfScope is not null);
        var values = new SitePlaceholders(site, _contacts, deputiesRequired: outOfScope is null);
        var gaps = new List<GuidelineGap>();
        var playbooks = Playbooks(risks, facts, values, gaps);
        AddCompletenessGaps(playbooks, values, gaps, deputiesRequired: outOfScope is null);
        AddRequiredRoleGaps(facts, values, gaps);

        return new Guideline
        {
            Tier = tier.Tier?.Key,
            TierName = tier.Tier?.Name ?? GuidelineTexts.NoTier,
            TierReason = tierReason,
            Measures = measures,
            Playbooks = playbooks,
            CalledByAnswers = CalledByAnswers(site, measures),
            OutOfScope = outOfScope,
            Gaps = GuidelineTexts.Ordered(gaps),
            InputsHash = InputsHash.Compute(_methodologyVersionKey, site),
        };
    }

    /// <summary>A threat assessed twice counts with its higher inherent risk, whatever the order.</summary>
    private static Dictionary<string, int> ThreatRisks(SiteSnapshot site)
    {
        var risks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var threat in site.Threats)
            risks[threat.ThreatKey] = risks.TryGetValue(threat.ThreatKey, out var risk) ? Math.Max(risk, threat.InherentRisk) : threat.InherentRisk;
        return risks;
    }

    /// <summary>The site's tier and why, from the facts without a tier; the same instances for facts the tiers' rules read alike.</summary>
    private (TierOutcome Outcome, LocalizedText Reason) Tier(RuleFacts untiered)
    {
        var keyed = _tierKeys.TryKey(untiered, out var key);
        if (keyed && _tiers.TryGetValue(key, out var kept))
            return kept;
        var outcome = _evaluator.DetermineTier(untiered);
        var tier = (outcome, TierReason(outcome, untiered with { Tier = outcome.Tier?.Key }));
        if (keyed && Volatile.Read(ref _tierCount) < MostTiers && _tiers.TryAdd(key, tier))
            Interlocked.Increment(ref _tierCount);
        return tier;
    }

    /// <summary>The evaluator's reason, and when a higher tier failed, why it did.</summary>
    private LocalizedText TierReason(TierOutcome outcome, RuleFacts facts)
    {
        if (outcome.Tier is null)
            return outcome.Reason;
        var higher = new List<(LocalizedText, LocalizedText)>();
        for (var i = 0; i < _methodology.Tiers.Count; i++)
        {
            var tier = _methodology.Tiers[i];
            if (ReferenceEquals(tier, outcome.Tier))
                break;
            higher.Add((tier.Name, _tierRules[i].Evaluate(facts).Reason));
        }
        return higher.Count == 0 ? outcome.Reason : GuidelineTexts.TierReason(outcome.Reason, higher);
    }

    /// <summary>Null when the methodology declares no scope or the site is within it; otherwise what being outside means.</summary>
    private LocalizedText? OutOfScope(RuleFacts facts)
    {
        if (_scope.Covers(facts))
            return null;
        return GuidelineTexts.OutOfScope(_scopeRule!.Evaluate(facts).Reason, _scope.BaselineCount);
    }

    /// <summary>Outside the scope only the baseline measures can apply, each under its own rule.</summary>
    private GuidelineMeasure[] Measures(RuleFacts facts, bool outOfScope)
    {
        var measures = new GuidelineMeasure[_methodology.Measures.Count];
        for (var i = 0; i < measures.Length; i++)
        {
            var m = _methodology.Measures[i];
            var prepared = _measures[i];
            var shared = true;
            var outcome = !_scope.Allows(m.Key, !outOfScope)
                ? NotInBaseline
                : prepared.AppliesWhen.Evaluate(facts, out shared);
            // Without variants, a measure with an outcome every such site shares reads the same for all of them: kept once.
            if (shared && prepared.Variants is null && prepared.Shared.TryGetValue(outcome, out var same))
            {
                measures[i] = same;
                continue;
            }
            var variant = Variant(prepared, facts);
            var title = variant is { } v ? m.Variants![v].Title ?? m.Title : m.Title;
            measures[i] = new(m.Key, outcome.Holds, outcome.Reason, m.Category, m.Priority, m.Role, m.ReviewMonths, title,
                variant, variant is { } chosen ? prepared.Variants![chosen].Evaluate(facts).Reason : null);
            if (shared && prepared.Variants is null)
                prepared.Shared.TryAdd(outcome, measures[i]);
        }
        return measures;
    }

    /// <summary>The first text variant whose condition holds for the site, or null for the measure's own texts.</summary>
    private static int? Variant(PreparedMeasure measure, RuleFacts facts)
    {
        if (measure.Variants is not { } variants)
            return null;
        for (var i = 0; i < variants.Length; i++)
        {
            if (variants[i].Holds(facts))
                return i;
        }
        return null;
    }

    private static readonly RuleOutcome NotInBaseline = new(false, GuidelineTexts.NotInBaseline);

    /// <summary>
    /// The playbooks of the assessed threats, filled, each with the steps whose condition holds for the site (the others
    /// left out with why); adds one gap per placeholder left unfilled anywhere.
    /// </summary>
    private List<GuidelinePlaybook> Playbooks(Dictionary<string, int> risks, RuleFacts facts, SitePlaceholders values, List<GuidelineGap> gaps)
    {
        var playbooks = new List<GuidelinePlaybook>();
        HashSet<string>? missing = null;
        var unfilled = new List<string>();
        foreach (var playbook in _playbooks)
        {
            if (!risks.TryGetValue(playbook.Template.Threat, out var risk))
                continue;
            var steps = new List<GuidelineStep>(playbook.Steps.Length);
            List<LeftOutStep>? leftOut = null;
            foreach (var prepared in playbook.Steps)
            {
                var step = prepared.Step;
                LocalizedText? reason = null;
                var reasonShared = true;
                if (prepared.When is { } when)
                {
                    var outcome = when.Evaluate(facts, out reasonShared);
                    if (!outcome.Holds)
                    {
                        (leftOut ??= []).Add(new(step.Key, step.Phase, step.Procedure, outcome.Reason));
                        continue;
                    }
                    reason = outcome.Reason;
                }
                unfilled.Clear();
                var en = prepared.En.Fill(values, false, unfilled, out var enShared);
                var cs = prepared.Cs.Fill(values, true, unfilled, out var csShared);
                foreach (var placeholder in unfilled)
                    (missing ??= new(StringComparer.Ordinal)).Add(placeholder);
                steps.Add(Step(prepared, en, cs, reason, unfilled, enShared && csShared && reasonShared));
            }
            playbooks.Add(new(playbook.Template.Key, playbook.Template.Threat, playbook.ThreatName, risk, steps, leftOut));
        }
        foreach (var placeholder in missing ?? [])
            gaps.Add(values.Gap(placeholder));
        return playbooks;
    }

    /// <summary>
    /// The step with its filled texts: for texts and a reason every such site shares (<paramref name="shared"/>) and the
    /// same unfilled placeholders, the one instance kept for them.
    /// </summary>
    private GuidelineStep Step(PreparedStep prepared, string en, string cs, LocalizedText? reason, List<string> unfilled, bool shared)
    {
        if (shared && _steps.TryGetValue((prepared, en, cs, reason), out var kept) && Same(kept.Unfilled, unfilled))
            return kept;
        var step = prepared.Step;
        var made = new GuidelineStep(step.Key, step.Phase, step.Procedure, step.Role, prepared.RoleName, step.TargetMinutes, new(en, cs),
            unfilled.Count == 0 ? [] : [.. unfilled], reason);
        if (shared && Volatile.Read(ref _stepCount) < MostSteps && _steps.TryAdd((prepared, en, cs, reason), made))
            Interlocked.Increment(ref _stepCount);
        return made;
    }

    private static bool Same(IReadOnlyList<string> kept, List<string> unfilled)
    {
        if (kept.Count != unfilled.Count)
            return false;
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i] != unfilled[i])
                return false;
        }
        return true;
    }

    /// <summary>Each required procedure needs a step, and among its steps' roles one with a named contact and one with a deputy.</summary>
    /// <remarks>A site outside the methodology's scope needs no deputies.</remarks>
    private void AddCompletenessGaps(List<GuidelinePlaybook> playbooks, SitePlaceholders values, List<GuidelineGap> gaps, bool deputiesRequired)
    {
        var roles = new List<string>();
        var procedures = MethodologyValidator.RequiredProcedures;
        for (var p = 0; p < procedures.Count; p++)
        {
            var procedure = procedures[p];
            // The procedure's roles in the order of their first step.
            roles.Clear();
            foreach (var playbook in playbooks)
            {
                for (var i = 0; i < playbook.Steps.Count; i++)
                {
                    var step = playbook.Steps[i];
                    if (step.Procedure == procedure && !roles.Contains(step.Role))
                        roles.Add(step.Role);
                }
            }
            if (roles.Count == 0)
            {
                gaps.Add(GuidelineTexts.MissingProcedure(procedure, playbooks.Count > 0));
                continue;
            }
            var noPrimary = !AnyHas(roles, values, deputy: false);
            var noDeputy = deputiesRequired && !AnyHas(roles, values, deputy: true);
            if (!noPrimary && !noDeputy)
                continue;
            var names = roles.ConvertAll(RoleName);
            if (noPrimary)
                gaps.Add(GuidelineTexts.NoAccountablePerson(procedure, names));
            if (noDeputy)
                gaps.Add(GuidelineTexts.NoDeputy(procedure, names));
        }
    }

    private static bool AnyHas(List<string> roles, SitePlaceholders values, bool deputy)
    {
        foreach (var role in roles)
        {
            if (deputy ? values.HasDeputy(role) : values.HasPrimary(role))
                return true;
        }
        return false;
    }

    /// <summary>Every role the methodology requires of the site (always, or where its rule holds) needs a named contact.</summary>
    private void AddRequiredRoleGaps(RuleFacts facts, SitePlaceholders values, List<GuidelineGap> gaps)
    {
        foreach (var role in _requiredRoles)
        {
            if (values.HasPrimary(role.Key))
                continue;
            if (role.Required || _evaluator.Holds(role.RequiredWhen, facts))
                gaps.Add(GuidelineTexts.MissingRequiredRole(role.Key, RoleName(role.Key)));
        }
    }

    private List<CalledMeasure> CalledByAnswers(SiteSnapshot site, GuidelineMeasure[] measures)
    {
        var called = new List<CalledMeasure>();
        foreach (var question in _questions)
        {
            if (!site.Answers.TryGetValue(question.Key, out var level) || !question.Calls.TryGetValue(level, out var calls))
                continue;
            foreach (var key in calls)
                called.Add(new(question.Key, level, key, _measureIndex.TryGetValue(key, out var i) && measures[i].Applies));
        }
        return called;
    }

    private LocalizedText RoleName(string role) => Name(_roleNames, role);

    private static LocalizedText Name(Dictionary<string, LocalizedText> names, string key) =>
        names.TryGetValue(key, out var name) ? name : new(key, key);

    // The first entry wins on a duplicated key, as in the rule texts.
    private static Dictionary<string, LocalizedText> Names(IReadOnlyList<CatalogItem> items)
    {
        var names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var item in items)
            names.TryAdd(item.Key, item.Name);
        return names;
    }

    private sealed record PreparedPlaybook(PlaybookTemplate Template, LocalizedText ThreatName, PreparedStep[] Steps);

    private sealed record PreparedStep(PlaybookStep Step, LocalizedText RoleName, StepTextTemplate En, StepTextTemplate Cs, CachedRule? When);

    /// <summary>Keys of kept steps compare by reference: a prepared step, and texts and a reason that are kept instances.</summary>
    private sealed class SameInstances : IEqualityComparer<(PreparedStep, string, string, LocalizedText?)>
    {
        public static readonly SameInstances Comparer = new();

        public bool Equals((PreparedStep, string, string, LocalizedText?) x, (PreparedStep, string, string, LocalizedText?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2) && ReferenceEquals(x.Item3, y.Item3) && ReferenceEquals(x.Item4, y.Item4);

        public int GetHashCode((PreparedStep, string, string, LocalizedText?) key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Item1),
            RuntimeHelpers.GetHashCode(key.Item2), RuntimeHelpers.GetHashCode(key.Item3), key.Item4 is null ? 0 : RuntimeHelpers.GetHashCode(key.Item4));
    }

    private sealed record PreparedMeasure(CachedRule AppliesWhen, CachedRule[]? Variants)
    {
        private ConcurrentDictionary<RuleOutcome, GuidelineMeasure>? _shared;

        /// <summary>The measure as read for a shared outcome (by reference: the outcomes are few and kept); made on first use.</summary>
        public ConcurrentDictionary<RuleOutcome, GuidelineMeasure> Shared =>
            LazyInitializer.EnsureInitialized(ref _shared, static () => new(ReferenceEqualityComparer.Instance));
    }

    private sealed record PreparedQuestion(string Key, Dictionary<int, string[]> Calls);
}
