using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>Whether a rule holds for a site, and why, as one sentence in English and Czech.</summary>
public sealed record RuleOutcome(bool Holds, LocalizedText Reason)
{
    /// <summary>The outcome of no rule, said once.</summary>
    internal static RuleOutcome EverySite { get; } = new(true, RuleTexts.EverySite);
}

/// <summary>The site's tier (null when no tier matches), and why.</summary>
public sealed record TierOutcome(TierRule? Tier, LocalizedText Reason);
