using System.Text.Json.Serialization;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Methodology;

/// <summary>
/// The whole content of one methodology version, stored as one JSONB document. Versioning copies it,
/// a diff compares two of them, import and export serialise it. Keys are stable for ever: plans,
/// evidence and dashboards hang on them.
/// </summary>
public sealed record MethodologyDocument
{
    public LocalizedText Title { get; init; } = new("", "");

    /// <summary>
    /// The languages its texts are written in (<c>en</c>, <c>cs</c>): every text must be written in each of them, and
    /// display falls back to one of them when the reader's language is not. Content written before this existed has both.
    /// </summary>
    public IReadOnlyList<string> Languages { get; init; } = MethodologyLanguages.Both;
    public IReadOnlyList<CatalogItem> Roles { get; init; } = [];
    public IReadOnlyList<CatalogItem> VenueTypes { get; init; } = [];
    public IReadOnlyList<CatalogItem> ThreatTypes { get; init; } = [];
    public IReadOnlyList<CatalogItem> Attributes { get; init; } = [];

    /// <summary>The regions a site following the methodology can be in (a site's region is one of these keys).</summary>
    public IReadOnlyList<CatalogItem> Regions { get; init; } = [];

    /// <summary>The categories measures and self-assessment questions are grouped in (a measure's category is one of these keys).</summary>
    public IReadOnlyList<CatalogItem> MeasureCategories { get; init; } = [];

    /// <summary>Evaluated from the top; the first tier whose condition holds wins.</summary>
    public IReadOnlyList<TierRule> Tiers { get; init; } = [];
    public IReadOnlyList<MeasureTemplate> Measures { get; init; } = [];
    public IReadOnlyList<AssessmentQuestion> Questions { get; init; } = [];
    public IReadOnlyList<PlaybookTemplate> Playbooks { get; init; } = [];

    /// <summary>Which sites the methodology is made for; null means every site. A site outside gets only the baseline.</summary>
    public MethodologyScope? Scope { get; init; }

    public static MethodologyDocument Empty { get; } = new();
}

/// <summary>The languages a methodology can be written in.</summary>
public static class MethodologyLanguages
{
    public const string English = "en";
    public const string Czech = "cs";

    public static IReadOnlyList<string> Supported { get; } = [English, Czech];

    public static IReadOnlyList<string> Both { get; } = [English, Czech];
}

public sealed record CatalogItem(string Key, LocalizedText Name)
{
    /// <summary>Roles only: every site must name a person for this role (a gap in the plan until it does).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Required { get; init; }

    /// <summary>Roles only: the sites that must name a person for this role, e.g. schools for a head teacher. Null: see <see cref="Required"/>.</summary>
    public Condition? RequiredWhen { get; init; }
}

public sealed record TierRule(string Key, LocalizedText Name, Condition When);

public sealed record MeasureTemplate
{
    public required string Key { get; init; }

    /// <summary>A key of <see cref="MethodologyDocument.MeasureCategories"/>.</summary>
    public string Category { get; init; } = "";
    public MeasurePriority Priority { get; init; }
    public required string Role { get; init; }
    public int ReviewMonths { get; init; } = 12;
    public required LocalizedText Title { get; init; }
    public LocalizedText Guidance { get; init; } = new("", "");
    public LocalizedText Evidence { get; init; } = new("", "");

    /// <summary>Null means the measure always applies.</summary>
    public Condition? AppliesWhen { get; init; }

    /// <summary>Texts for particular sites: the first variant whose condition holds replaces the texts it sets; null or none holding keeps these.</summary>
    public IReadOnlyList<MeasureVariant>? Variants { get; init; }
}

/// <summary>Another wording of a measure for the sites its condition holds for, e.g. an open square instead of a building.</summary>
public sealed record MeasureVariant
{
    public required Condition When { get; init; }
    public LocalizedText? Title { get; init; }
    public LocalizedText? Guidance { get; init; }
    public LocalizedText? Evidence { get; init; }
}

/// <summary>
/// The methodology's scope: a site for which <see cref="When"/> does not hold is outside it and gets a short baseline,
/// the measures listed in <see cref="Baseline"/> (each still under its own rule), and no demand for deputies.
/// </summary>
public sealed record MethodologyScope
{
    public required Condition When { get; init; }
    public IReadOnlyList<string> Baseline { get; init; } = [];
}

public sealed record AssessmentQuestion
{
    public required string Key { get; init; }

    /// <summary>A key of <see cref="MethodologyDocument.MeasureCategories"/>.</summary>
    public string Category { get; init; } = "";
    public required LocalizedText Text { get; init; }

    /// <summary>Five ordered levels, 1 (very low protection) to 5 (very high protection).</summary>
    public IReadOnlyList<AnswerLevel> Levels { get; init; } = [];
}

public sealed record AnswerLevel(int Level, LocalizedText Text, IReadOnlyList<string> Calls);

public sealed record PlaybookTemplate
{
    public required string Key { get; init; }
    public required string Threat { get; init; }
    public IReadOnlyList<PlaybookStep> Steps { get; init; } = [];
}

public sealed record PlaybookStep
{
    public required string Key { get; init; }
    public IncidentPhase Phase { get; init; }
    public Procedure Procedure { get; init; }
    public required string Role { get; init; }

    /// <summary>How soon the step should be done, where that matters (P1, P2).</summary>
    public int? TargetMinutes { get; init; }

    /// <summary>May hold placeholders such as <c>{site.name}</c> filled from the site's data.</summary>
    public required LocalizedText Text { get; init; }

    /// <summary>Null means every site's playbook has the step; otherwise only the sites this holds for.</summary>
    public Condition? When { get; init; }
}
