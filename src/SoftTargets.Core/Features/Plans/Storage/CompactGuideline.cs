using System.Text.Json.Serialization;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Features.Plans.Storage;

/// <summary>
/// The stored form of a guideline that keeps only what is particular to the site: which measures apply and why, the
/// chosen variants, the assessed playbooks with the values filled into each step text, the gaps and the hash. Every text
/// is an index into <see cref="Strings"/> (a text used twice is stored once); a text pair is two indices, English and
/// Czech. Names, titles, keys and the literal wording of step texts come from the methodology version.
/// </summary>
internal sealed record CompactGuideline
{
    /// <summary>Tells this form from the whole guideline, which has no such member.</summary>
    public const int CurrentForm = 2;

    [JsonPropertyName("form")] public int Form { get; init; }
    [JsonPropertyName("s")] public IReadOnlyList<string> Strings { get; init; } = [];
    [JsonPropertyName("tier")] public string? Tier { get; init; }

    /// <summary>Null when it is the methodology's name of <see cref="Tier"/>.</summary>
    [JsonPropertyName("tn")] public int[]? TierName { get; init; }
    [JsonPropertyName("tr")] public int[] TierReason { get; init; } = [];
    [JsonPropertyName("m")] public IReadOnlyList<CompactMeasure> Measures { get; init; } = [];
    [JsonPropertyName("p")] public IReadOnlyList<CompactPlaybook> Playbooks { get; init; } = [];
    [JsonPropertyName("c")] public IReadOnlyList<CalledMeasure> CalledByAnswers { get; init; } = [];
    [JsonPropertyName("g")] public IReadOnlyList<CompactGap> Gaps { get; init; } = [];
    [JsonPropertyName("o")] public int[]? OutOfScope { get; init; }
    [JsonPropertyName("h")] public string InputsHash { get; init; } = "";

    /// <summary>
    /// What the rules saw of the site when it was generated, null when unknown (a revision stored whole before). With
    /// them a reason the methodology's rule gives again is not stored: <see cref="CompactMeasure.Reason"/> and the other
    /// reasons are null then.
    /// </summary>
    [JsonPropertyName("f")] public CompactFacts? Facts { get; init; }
}

internal sealed record CompactFacts(
    [property: JsonPropertyName("v")] string VenueType,
    [property: JsonPropertyName("o")] int Occupancy,
    [property: JsonPropertyName("a")] IReadOnlyList<string> Attributes,
    [property: JsonPropertyName("k")] IReadOnlyDictionary<string, int> Risks,
    [property: JsonPropertyName("n")] int? Attendance = null);

/// <summary>One measure of the methodology, in its order.</summary>
internal sealed record CompactMeasure(
    [property: JsonPropertyName("a")] bool Applies,
    [property: JsonPropertyName("r")] int[]? Reason,
    [property: JsonPropertyName("v")] int? Variant = null,
    [property: JsonPropertyName("vr")] int[]? VariantReason = null);

/// <summary>An assessed threat's playbook: its place among the methodology's playbooks and one entry per template step.</summary>
internal sealed record CompactPlaybook(
    [property: JsonPropertyName("i")] int Index,
    [property: JsonPropertyName("k")] int InherentRisk,
    [property: JsonPropertyName("s")] IReadOnlyList<CompactStep> Steps);

/// <summary>
/// A template step: left out (with its reason), or kept with the values filled between the literal pieces of its text
/// (the last index is what follows the text, such as the per-zone list). <see cref="TextEn"/>/<see cref="TextCs"/> hold
/// the whole text instead when it does not follow the template's pieces. No Czech pieces or text: the same pieces as English.
/// </summary>
internal sealed record CompactStep
{
    [JsonPropertyName("x")] public bool? LeftOut { get; init; }
    [JsonPropertyName("r")] public int[]? Reason { get; init; }
    [JsonPropertyName("e")] public int[]? En { get; init; }
    [JsonPropertyName("c")] public int[]? Cs { get; init; }
    [JsonPropertyName("te")] public int? TextEn { get; init; }
    [JsonPropertyName("tc")] public int? TextCs { get; init; }
    [JsonPropertyName("u")] public IReadOnlyList<string>? Unfilled { get; init; }
}

internal sealed record CompactGap(
    [property: JsonPropertyName("k")] GapKind Kind,
    [property: JsonPropertyName("s")] string Subject,
    [property: JsonPropertyName("m")] int[] Message);
