using Microsoft.AspNetCore.Identity;

namespace SoftTargets.Core.Domain.Users;

/// <summary>A person who signs in. Every user belongs to exactly one organisation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public Guid OrganizationId { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>The language the user reads the app and their mail in: <c>en</c> or <c>cs</c>.</summary>
    public string Language { get; set; } = Languages.English;

    /// <summary>When an administrator deactivated the account; a deactivated account cannot sign in.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }
}

public static class Languages
{
    public const string English = "en";
    public const string Czech = "cs";

    public static readonly IReadOnlyList<string> All = [English, Czech];
}
