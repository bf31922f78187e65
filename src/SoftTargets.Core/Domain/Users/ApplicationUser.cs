using Microsoft.AspNetCore.Identity;

namespace SoftTargets.Core.Domain.Users;

/// <summary>A person who signs in. Every user belongs to exactly one organisation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";
}
