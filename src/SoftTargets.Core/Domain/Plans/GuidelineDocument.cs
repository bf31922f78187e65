namespace SoftTargets.Core.Domain.Plans;

/// <summary>The generated guideline as stored with a plan revision (JSONB).</summary>
public sealed record GuidelineDocument
{
    public string Tier { get; init; } = "";
    public IReadOnlyList<GuidelineMeasure> Measures { get; init; } = [];
    public IReadOnlyList<string> Gaps { get; init; } = [];
}

public sealed record GuidelineMeasure(string Key, bool Applies, string Reason);
