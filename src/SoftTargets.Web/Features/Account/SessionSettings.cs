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

    /// <summary>
    /// Whether each node keeps live sessions in memory while it hears PostgreSQL's announcements of changed sessions
    /// (<see cref="SessionCache"/>). Turn off where LISTEN does not reach the server, e.g. behind PgBouncer in
    /// transaction mode: every request then reads its session row.
    /// </summary>
    public bool KeepInMemory { get; set; } = true;

    public TimeSpan IdleTimeout => TimeSpan.FromMinutes(IdleTimeoutMinutes);
    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);
}
