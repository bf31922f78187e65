using System.ComponentModel.DataAnnotations;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Organizations;

public enum OrganizationKind
{
    Ministry,
    Operator,
    AuditBody,
}

public sealed class Organization : AuditableEntity
{
    private Organization() { }

    public Organization(string name, OrganizationKind kind, string region)
    {
        Rename(name);
        Kind = kind;
        MoveTo(region);
    }

    public string Name { get; private set; } = "";
    public OrganizationKind Kind { get; private set; }
    /// <summary>A region key of a methodology's catalogue, e.g. <c>Praha</c>.</summary>
    public string Region { get; private set; } = "";

    /// <summary>When an administrator deactivated the organisation: none of its users can sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    [Timestamp]
    public uint Version { get; private set; }

    public void Deactivate(DateTimeOffset at) => DeactivatedAt ??= at;

    public void Reactivate() => DeactivatedAt = null;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw ValidationFailedException.For(nameof(Name), "Enter the organisation's name.");
        if (name.Trim().Length > 200)
            throw ValidationFailedException.For(nameof(Name), "The name can have at most 200 characters.");
        Name = name.Trim();
    }

    public void MoveTo(string region)
    {
        if (string.IsNullOrWhiteSpace(region) || region.Trim().Length > 32)
            throw ValidationFailedException.For(nameof(Region), "Choose the organisation's region.");
        Region = region.Trim();
    }
}
