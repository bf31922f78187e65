namespace SoftTargets.Core.Domain.Common;

/// <summary>
/// Base of every entity the audit interceptor tracks. The interceptor fills the four audit fields;
/// nothing else writes them.
/// </summary>
public abstract class AuditableEntity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
    public DateTimeOffset CreatedAt { get; internal set; }
    public string CreatedBy { get; internal set; } = "";
    public DateTimeOffset UpdatedAt { get; internal set; }
    public string UpdatedBy { get; internal set; } = "";
}
