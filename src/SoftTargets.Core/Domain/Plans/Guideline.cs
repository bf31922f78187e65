using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Domain.Plans;

/// <summary>
/// A site-specific guideline generated from a published methodology version. Stored with each plan
/// revision (JSONB) and returned by the preview API; pure data, in both languages.
/// </summary>
public sealed record Guideline
{
    /// <summary>The tier key, or null when the site falls under no tier.</summary>
    public string? Tier { get; init; }
    public LocalizedText TierName { get; init; } = new("", "");
    public LocalizedText TierReason { get; init; } = new("", "");

    /// <summary>Every measure of the methodology, in its order, with whether it applies and why.</summary>
    public IReadOnlyList<GuidelineMeasure> Measures { get; init; } = [];

    /// <summary>One playbook per assessed threat, placeholders filled from the site's data.</summary>
    public IReadOnlyList<GuidelinePlaybook> Playbooks { get; init; } = [];

    /// <summary>Measures that weak self-assessment answers call for.</summary>
    public IReadOnlyList<CalledMeasure> CalledByAnswers { get; init; } = [];

    /// <summary>What is missing for the plan to be complete; empty when nothing is.</summary>
    public IReadOnlyList<GuidelineGap> Gaps { get; init; } = [];

    /// <summary>SHA-256 (hex) of the inputs: the site snapshot and the methodology version.</summary>
    public string InputsHash { get; init; } = "";

    public IEnumerable<GuidelineMeasure> Applicable => Measures.Where(m => m.Applies);
}

public sealed record GuidelineMeasure(string Key, bool Applies, LocalizedText Reason, MeasureCategory Category, MeasurePriority Priority,
    string Role, int ReviewMonths, LocalizedText Title);

public sealed record GuidelinePlaybook(string Key, string Threat, LocalizedText ThreatName, int InherentRisk, IReadOnlyList<GuidelineStep> Steps);

/// <summary>A playbook step with its text filled in; <see cref="Unfilled"/> lists placeholders the site's data could not fill.</summary>
public sealed record GuidelineStep(string Key, IncidentPhase Phase, Procedure Procedure, string Role, LocalizedText RoleName,
    int? TargetMinutes, LocalizedText Text, IReadOnlyList<string> Unfilled);

public sealed record CalledMeasure(string QuestionKey, int Level, string MeasureKey, bool Applies);

public enum GapKind
{
    /// <summary>A placeholder in a playbook step has no value in the site's data.</summary>
    UnfilledPlaceholder,

    /// <summary>No step of the site's playbooks covers a required procedure (or no threat is assessed).</summary>
    MissingProcedure,

    /// <summary>A procedure's responsible role has no named contact.</summary>
    NoAccountablePerson,

    /// <summary>A procedure's responsible role has no deputy.</summary>
    NoDeputy,

    /// <summary>A role the methodology requires of the site has no named contact; the subject is the role key.</summary>
    MissingRequiredRole,
}

/// <summary>One gap, with a message in both languages that says what to add.</summary>
public sealed record GuidelineGap(GapKind Kind, string Subject, LocalizedText Message);
