using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Threats;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>One threat's assessment as the user entered it: likelihood and impact 1 to 5 before and after measures.</summary>
public sealed record ThreatInput(
    string ThreatKey,
    int InherentLikelihood,
    int InherentImpact,
    int ResidualLikelihood,
    int ResidualImpact,
    string Rationale)
{
    public int InherentScore => InherentLikelihood * InherentImpact;
    public int ResidualScore => ResidualLikelihood * ResidualImpact;

    public RiskRating Inherent => new(InherentLikelihood, InherentImpact);
    public RiskRating Residual => new(ResidualLikelihood, ResidualImpact);

    /// <summary>Each invalid field with what to do about it, in English and Czech; empty when the input can be saved.</summary>
    public Dictionary<string, LocalizedText> Problems(IReadOnlyCollection<string> knownThreats)
    {
        var problems = new Dictionary<string, LocalizedText>();
        if (!knownThreats.Contains(ThreatKey)) problems[nameof(ThreatKey)] = AssessmentMessages.UnknownThreat;
        var ratings = new[] { InherentLikelihood, InherentImpact, ResidualLikelihood, ResidualImpact };
        if (ratings.Any(r => r is < 1 or > 5)) problems["Ratings"] = AssessmentMessages.RatingRange;
        else if (ResidualScore > InherentScore) problems["Residual"] = AssessmentMessages.ResidualAboveInherent;
        var rationale = (Rationale ?? "").Trim();
        if (rationale.Length == 0) problems[nameof(Rationale)] = AssessmentMessages.RationaleRequired;
        else if (rationale.Length > AssessmentMessages.MaxRationaleLength) problems[nameof(Rationale)] = AssessmentMessages.RationaleTooLong;
        return problems;
    }
}
