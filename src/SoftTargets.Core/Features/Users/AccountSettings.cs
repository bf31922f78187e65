namespace SoftTargets.Core.Features.Users;

/// <summary>The <c>Accounts</c> configuration section.</summary>
public sealed class AccountSettings
{
    public const string Section = "Accounts";

    /// <summary>How long an invitation link lets its person set a password.</summary>
    public int InvitationHours { get; set; } = 72;

    /// <summary>How long a password-reset link works.</summary>
    public int PasswordResetHours { get; set; } = 2;

    public TimeSpan InvitationLifetime => TimeSpan.FromHours(Math.Max(1, InvitationHours));
    public TimeSpan PasswordResetLifetime => TimeSpan.FromHours(Math.Max(1, PasswordResetHours));

    /// <summary>The token provider (registered by the host) that signs invitation links.</summary>
    public const string InvitationTokenProvider = "Invitation";
    public const string InvitationPurpose = "Invitation";
}
