namespace SoftTargets.Core.Domain.Users;

/// <summary>
/// A signed-in browser session kept on the server: the cookie carries only <see cref="Id"/>, so
/// deleting the row (sign-out, expiry) ends the session on every web node at once.
/// </summary>
public sealed class UserSession
{
    private UserSession() { }

    public UserSession(string id, string? userId, byte[] ticket, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        Id = id;
        UserId = userId;
        Ticket = ticket;
        CreatedAt = now;
        LastSeenAt = now;
        ExpiresAt = expiresAt;
    }

    public string Id { get; private set; } = "";
    public string? UserId { get; private set; }

    /// <summary>The authentication ticket, serialised and protected by data protection.</summary>
    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>The absolute end of the session, however active it is.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public bool IsLive(DateTimeOffset now, TimeSpan idleTimeout) => now < ExpiresAt && now - LastSeenAt < idleTimeout;
}
