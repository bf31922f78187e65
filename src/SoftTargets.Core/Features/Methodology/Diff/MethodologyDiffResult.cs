using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Features.Methodology.Diff;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

public enum DiffArea
{
    Catalogue,
    Tier,
    Measure,
    Question,
    Playbook,
    Step,
    Scope,
}

/// <summary>
/// One difference. <see cref="Key"/> is the stable key (for catalogue items <c>"&lt;catalogue&gt;:&lt;key&gt;"</c>,
/// e.g. <c>"venueTypes:stadium"</c>). <see cref="Title"/> is the item's display text in the newer version,
/// or in the older one when removed. <see cref="Fields"/> names the changed fields of a Changed item
/// (e.g. <c>["priority", "appliesWhen"]</c>) and is empty for Added and Removed.
/// </summary>
public sealed record DiffEntry(DiffArea Area, ChangeKind Kind, string Key, LocalizedText Title, IReadOnlyList<string> Fields)
{
    /// <summary>Each changed field of a Changed item with its value before and after; empty for Added and Removed.</summary>
    public IReadOnlyList<FieldChange> Changes { get; init; } = [];
}

/// <summary>
/// One changed field: <see cref="Field"/> as in <see cref="DiffEntry.Fields"/>; for a text in two languages
/// one change per language that differs (<see cref="Language"/> "en" or "cs"), otherwise null. The values
/// are the field's own (a string, number, enum, <see cref="Domain.Methodology.Condition"/>, list), null when absent,
/// for the reader to put in words.
/// </summary>
public sealed record FieldChange(string Field, string? Language, object? Before, object? After);

/// <summary>Ordered by area, then kind (Added, Removed, Changed), then key (ordinal).</summary>
public sealed record MethodologyDiffResult(IReadOnlyList<DiffEntry> Entries)
{
    public bool IsEmpty => Entries.Count == 0;

    public IEnumerable<DiffEntry> For(DiffArea area) => Entries.Where(e => e.Area == area);
}
