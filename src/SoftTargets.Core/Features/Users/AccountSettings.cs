namespace SoftTargets.Core.Features.Users;

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountSettings
{
    public const string Section = "Accounts";

    /// <summary>How long an invitation link lets its person set a password.</summary>
    public int InvitationHours { get; set; } = 72;

    /// <summary>How long a password-reset link works.</summary>
    public int PasswordResetHours { get; set; } = 2;

    /// <summary>Administrators, methodology editors and auditors must sign in with a second factor (TOTP).</summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;

    /// <summary>The roles that need a second factor while <see cref="RequireTwoFactorForStaff"/> is on.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Domain.Users.Roles.Administrator, Domain.Users.Roles.MethodologyEditor, Domain.Users.Roles.Auditor];

    public TimeSpan InvitationLifetime => TimeSpan.FromHours(Math.Max(1, InvitationHours));
    public TimeSpan PasswordResetLifetime => TimeSpan.FromHours(Math.Max(1, PasswordResetHours));

    /// <summary>The token provider (registered by the host) that signs invitation links.</summary>
    public const string InvitationTokenProvider = "Invitation";
    public const string InvitationPurpose = "Invitation";
}
