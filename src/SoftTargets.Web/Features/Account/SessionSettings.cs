namespace SoftTargets.Web.Features.Account;

/// <summary>The <c>Sessions</c> configuration section.</summary>
public sealed class SessionSettings
{
    public const string Section = "Sessions";

    /// <summary>A session unused for longer than this ends.</summary>
    public double IdleTimeoutMinutes { get; set; } = 30;

    /// <summary>A session ends this long after signing in, however active it is.</summary>
    public double AbsoluteLifetimeHours { get; set; } = 12;

    /// <summary>How often a session's security stamp is compared with the user's (a new password or a lockout ends it).</summary>
    public double SecurityStampCheckMinutes { get; set; } = 1;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);
}
