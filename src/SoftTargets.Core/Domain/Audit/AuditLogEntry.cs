namespace SoftTargets.Core.Domain.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// Who changed what and when, with the values before and after. Written only by the audit
/// interceptor, never changed afterwards.
/// </summary>
public sealed class AuditLogEntry
{
    private AuditLogEntry() { }

    internal AuditLogEntry(DateTimeOffset at, string userId, string userName, Guid? organizationId,
        string entityType, string entityId, AuditAction action, string changes)
    {
        At = at;
        UserId = userId;
        UserName = userName;
        OrganizationId = organizationId;
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Changes = changes;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string UserId { get; private set; } = "";
    public string UserName { get; private set; } = "";
    public Guid? OrganizationId { get; private set; }
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public AuditAction Action { get; private set; }

    /// <summary>JSON object: property name → { "before": ..., "after": ... }.</summary>
    public string Changes { get; private set; } = "{}";
}
