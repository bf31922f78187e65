using SoftTargets.Core.Domain.Audit;

namespace SoftTargets.Core.Features.Audit;

/// <summary>
/// What an auditor is looking for; every part is optional and the parts combine with AND.
/// <see cref="From"/> and <see cref="To"/> are calendar days in <see cref="Zone"/> (UTC when null), both inclusive.
/// </summary>
public sealed record AuditFilter(
    string? Person = null,
    string? UserId = null,
    string? EntityType = null,
    string? EntityId = null,
    bool IncludeParts = false,
    Guid? OrganizationId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    AuditAction? Action = null,
    TimeZoneInfo? Zone = null);

public sealed record AuditListItem(long Id, DateTimeOffset At, string UserId, string UserName, Guid? OrganizationId,
    string? OrganizationName, string EntityType, string EntityId, AuditAction Action, int ChangedFields, AuditRecordName? Record = null);

/// <summary>
/// A record as people know it: <see cref="Name"/> is the site's name, the measure's key and title, the plan's revision number,
/// the person's name, the finding's title...; <see cref="Site"/> names the site the record belongs to, when it belongs to one.
/// </summary>
public sealed record AuditRecordName(string Name, string? Site, Guid? SiteId = null);

/// <summary>What one save did, read as one thing: a plan generated with its measures, or changes made together.</summary>
public enum AuditGroupKind
{
    /// <summary>One entry on its own.</summary>
    Single,

    /// <summary>A plan revision was generated; the group holds it and the measures it created or updated.</summary>
    PlanGenerated,

    /// <summary>Several records changed by the same save (a site with its zones and contacts, bulk measure changes).</summary>
    Together,
}

/// <summary>
/// The entries one save wrote (same time, same person), newest group first. <see cref="Entries"/> holds at most
/// <see cref="AuditTrail.GroupEntryLimit"/> of the <see cref="Count"/> entries; <see cref="Lead"/> is the one that names the group
/// (the plan revision, or the first record changed). <see cref="PlanMeasures"/> counts the measures a generated plan touched.
/// </summary>
public sealed record AuditGroup(AuditGroupKind Kind, DateTimeOffset At, string UserName, string? OrganizationName, int Count,
    AuditListItem Lead, int? PlanRevision, int PlanMeasures, IReadOnlyList<AuditListItem> Entries)
{
    public string Key => $"{Lead.Id}";
}

public sealed record AuditGroupPage(IReadOnlyList<AuditGroup> Groups, int TotalCount, bool IsCountCapped);

/// <summary>A page of the trail, newest first. Counting stops at <see cref="AuditTrail.CountLimit"/>: <see cref="IsCountCapped"/> says there are more.</summary>
public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, int TotalCount, bool IsCountCapped);

public sealed record AuditEntryDetails(AuditListItem Entry, AuditChanges Changes);

/// <summary>One changed property; values are display text (strings unquoted, anything else as compact JSON), null when absent.</summary>
public sealed record AuditChangeRow(string Property, string? Before, string? After)
{
    /// <summary>What a recorded id or key refers to, by name (a site, a measure, a venue type), when the details resolved it.</summary>
    public string? BeforeName { get; init; }

    public string? AfterName { get; init; }

    public bool IsChanged => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>The parsed changes of one entry; <see cref="Raw"/> is kept for entries whose JSON could not be read.</summary>
public sealed record AuditChanges(IReadOnlyList<AuditChangeRow> Rows, bool IsReadable, string Raw);
