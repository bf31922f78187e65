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
    string? OrganizationName, string EntityType, string EntityId, AuditAction Action, int ChangedFields);

/// <summary>A page of the trail, newest first. Counting stops at <see cref="AuditTrail.CountLimit"/>: <see cref="IsCountCapped"/> says there are more.</summary>
public sealed record AuditPage(IReadOnlyList<AuditListItem> Items, int TotalCount, bool IsCountCapped);

public sealed record AuditEntryDetails(AuditListItem Entry, AuditChanges Changes);

/// <summary>One changed property; values are display text (strings unquoted, anything else as compact JSON), null when absent.</summary>
public sealed record AuditChangeRow(string Property, string? Before, string? After)
{
    public bool IsChanged => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>The parsed changes of one entry; <see cref="Raw"/> is kept for entries whose JSON could not be read.</summary>
public sealed record AuditChanges(IReadOnlyList<AuditChangeRow> Rows, bool IsReadable, string Raw);
