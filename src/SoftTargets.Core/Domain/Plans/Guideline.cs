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

    /// <summary>
    /// Null when the site is within the methodology's scope (or the methodology declares none); otherwise what it means, in
    /// plain words: why the site is outside and that it gets only the baseline measures and needs no deputies.
    /// </summary>
    public LocalizedText? OutOfScope { get; init; }

    /// <summary>SHA-256 (hex) of the inputs: the site snapshot and the methodology version.</summary>
    public string InputsHash { get; init; } = "";

    public IEnumerable<GuidelineMeasure> Applicable => Measures.Where(m => m.Applies);
}

/// <summary>
/// A measure for the site. <see cref="Title"/> is the wording for this site: <see cref="Variant"/> is the index of the
/// methodology's text variant it comes from (null: the measure's own texts) and <see cref="VariantReason"/> says why.
/// </summary>
public sealed record GuidelineMeasure(string Key, bool Applies, LocalizedText Reason, string Category, MeasurePriority Priority,
    string Role, int ReviewMonths, LocalizedText Title, int? Variant = null, LocalizedText? VariantReason = null);

/// <summary>A playbook; <see cref="LeftOut"/> lists the steps whose condition does not hold for the site, and why (null when none).</summary>
public sealed record GuidelinePlaybook(string Key, string Threat, LocalizedText ThreatName, int InherentRisk, IReadOnlyList<GuidelineStep> Steps,
    IReadOnlyList<LeftOutStep>? LeftOut = null);

/// <summary>
/// A playbook step with its text filled in; <see cref="Unfilled"/> lists placeholders the site's data could not fill
/// (<c>zone.x@Zone name</c> for one zone's value). A zone value on a site with several zones is listed after the text,
/// one line per zone starting with "• ". <see cref="Reason"/> says why a conditional step is there (null: every site has it).
/// </summary>
public sealed record GuidelineStep(string Key, IncidentPhase Phase, Procedure Procedure, string Role, LocalizedText RoleName,
    int? TargetMinutes, LocalizedText Text, IReadOnlyList<string> Unfilled, LocalizedText? Reason = null);

/// <summary>A conditional step that does not apply to the site, and why.</summary>
public sealed record LeftOutStep(string Key, IncidentPhase Phase, Procedure Procedure, LocalizedText Reason);

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

    /// <summary>One zone of several lacks a value a step needs (assembly point, invacuation room, entrances).</summary>
    MissingZoneData,
}

/// <summary>One gap, with a message in both languages that says what to add.</summary>
public sealed record GuidelineGap(GapKind Kind, string Subject, LocalizedText Message);
