using System.Text.Json.Serialization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Library;

/// <summary>
/// The library file: a methodology's code and version number, then its whole content. See
/// docs/methodology-format.md.
/// </summary>
public sealed record LibraryFile
{
    [JsonPropertyOrder(-3)] public required string Methodology { get; init; }
    [JsonPropertyOrder(-2)] public int Version { get; init; }
    [JsonPropertyOrder(-1)] public required LocalizedText Title { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = MethodologyLanguages.Both;
    public IReadOnlyList<CatalogItem> Roles { get; init; } = [];
    public IReadOnlyList<CatalogItem> VenueTypes { get; init; } = [];
    public IReadOnlyList<CatalogItem> ThreatTypes { get; init; } = [];
    public IReadOnlyList<CatalogItem> Attributes { get; init; } = [];
    public IReadOnlyList<CatalogItem> Regions { get; init; } = [];
    public IReadOnlyList<CatalogItem> MeasureCategories { get; init; } = [];
    public IReadOnlyList<TierRule> Tiers { get; init; } = [];
    public IReadOnlyList<MeasureTemplate> Measures { get; init; } = [];
    public IReadOnlyList<AssessmentQuestion> Questions { get; init; } = [];
    public IReadOnlyList<PlaybookTemplate> Playbooks { get; init; } = [];
    public MethodologyScope? Scope { get; init; }

    /// <summary>The content; a measure's or question's category is written as its catalogue key however the file spells its case.</summary>
    public MethodologyDocument ToDocument() => new()
    {
        Title = Title, Languages = Languages, Roles = Roles, VenueTypes = VenueTypes, ThreatTypes = ThreatTypes, Attributes = Attributes,
        Regions = Regions, MeasureCategories = MeasureCategories,
        Tiers = Tiers,
        Measures = [.. Measures.Select(m => m with { Category = CategoryKey(m.Category) })],
        Questions = [.. Questions.Select(q => q with { Category = CategoryKey(q.Category) })],
        Playbooks = Playbooks,
        Scope = Scope,
    };

    private string CategoryKey(string? category) =>
        MeasureCategories.FirstOrDefault(c => string.Equals(c.Key, category, StringComparison.OrdinalIgnoreCase))?.Key ?? category ?? "";

    public static LibraryFile From(string code, int version, MethodologyDocument document) => new()
    {
        Methodology = code, Version = version, Title = document.Title, Languages = document.Languages, Roles = document.Roles, VenueTypes = document.VenueTypes,
        ThreatTypes = document.ThreatTypes, Attributes = document.Attributes, Regions = document.Regions, MeasureCategories = document.MeasureCategories,
        Tiers = document.Tiers,
        Measures = document.Measures, Questions = document.Questions, Playbooks = document.Playbooks,
        Scope = document.Scope,
    };
}

/// <summary>One problem in a library file, with the line it is on (0 when not known).</summary>
public sealed record LibraryError(int Line, LocalizedText Message)
{
    public LibraryError(int line, string en, string cs) : this(line, new LocalizedText(en, cs)) { }

    /// <summary>The column the problem starts at, where the parser knows it (syntax errors); 0 otherwise.</summary>
    public int Column { get; init; }

    public override string ToString() => $"line {Line}: {Message.En}";
}
