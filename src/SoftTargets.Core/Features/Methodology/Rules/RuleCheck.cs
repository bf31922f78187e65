using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>The keys a methodology document defines, which its rules and references may name.</summary>
internal sealed class KnownKeys(MethodologyDocument document)
{
    public IReadOnlySet<string> Roles { get; } = document.Roles.Select(r => r.Key).ToHashSet();
    public IReadOnlySet<string> VenueTypes { get; } = document.VenueTypes.Select(r => r.Key).ToHashSet();
    public IReadOnlySet<string> Threats { get; } = document.ThreatTypes.Select(r => r.Key).ToHashSet();
    public IReadOnlySet<string> Attributes { get; } = document.Attributes.Select(r => r.Key).ToHashSet();
    public IReadOnlySet<string> Tiers { get; } = document.Tiers.Select(r => r.Key).ToHashSet();
}

/// <summary>
/// Validates one rule tree of a methodology document: each node has exactly one member, which its
/// <see cref="ConditionKind"/> checks; problems go to the validator's list with their path.
/// </summary>
internal sealed class RuleCheck(KnownKeys known, bool insideTier, Action<string, string, string> add)
{
    public KnownKeys Known => known;

    /// <summary>Whether the rule decides a tier, so it cannot depend on the tier.</summary>
    public bool InsideTier => insideTier;

    public void Add(string path, string en, string cs) => add(path, en, cs);

    public void Rule(Condition? rule, string path)
    {
        if (rule is null)
        {
            add(path, "The rule is empty.", "Pravidlo je prázdné.");
            return;
        }
        ConditionKind? kind = null;
        var members = 0;
        foreach (var candidate in ConditionKinds.Ordered)
        {
            if (!candidate.IsSet(rule))
                continue;
            kind ??= candidate;
            members++;
        }
        if (members != 1)
        {
            add(path, $"Each rule must be exactly one of: {ConditionKinds.Names}.",
                $"Každé pravidlo musí být právě jedno z: {ConditionKinds.Names}.");
            return;
        }
        kind!.Validate(rule, path, this);
    }

    public void References(IReadOnlySet<string> keys, IReadOnlyList<string>? listed, string path, string en, string cs)
    {
        if (listed is null) return;
        if (listed.Count == 0) add(path, "The list is empty.", "Seznam je prázdný.");
        for (var i = 0; i < listed.Count; i++) Reference(keys, listed[i], $"{path}[{i}]", en, cs, add);
    }

    public void Reference(IReadOnlySet<string> keys, string key, string path, string en, string cs) => Reference(keys, key, path, en, cs, add);

    public static void Reference(IReadOnlySet<string> keys, string key, string path, string en, string cs, Action<string, string, string> add)
    {
        if (!keys.Contains(key)) add(path, $"Unknown {en} '{key}'.", $"Neznámý údaj ({cs}) '{key}'.");
    }
}
