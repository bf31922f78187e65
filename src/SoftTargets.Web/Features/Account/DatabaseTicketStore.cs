using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Users;

namespace SoftTargets.Web.Features.Account;

/// <summary>
/// Keeps sign-in tickets in the <c>UserSessions</c> table; the cookie holds only the session key. Every node
/// reads the same table; a node remembers a live session it read (<see cref="SessionCache"/>) until the row
/// changes on any node or its last-seen time is due to be written again, so signing out (the row is deleted),
/// the idle timeout and the absolute lifetime hold on every node as soon as the change is heard there.
/// </summary>
public sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes, IDataProtectionProvider dataProtection, IOptionsMonitor<SessionSettings> settings, TimeProvider clock,
    SessionCache cache)
    : ITicketStore
{
    /// <summary>Last-seen times are written at most this often, so not every request writes a row.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromSeconds(30);

    /// <summary>The session key, also inside the ticket: a live Blazor circuit checks with it that its session still exists.</summary>
    public const string SessionClaim = "st:session";

    private readonly IDataProtector _protector = dataProtection.CreateProtector("SoftTargets.UserSessions.v1");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        AddSessionClaim(ticket, key);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await DbAsync(scope);
        db.UserSessions.Add(new UserSession(key, UserIdOf(ticket), Protect(ticket), now, now + settings.CurrentValue.AbsoluteLifetime));
        await db.SaveChangesAsync();
        // Sessions nobody came back to are swept here, at the next sign-in on any node.
        await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync();
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        AddSessionClaim(ticket, key);
        var bytes = Protect(ticket);
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await DbAsync(scope);
        await db.UserSessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.LastSeenAt, now));
        cache.Forget(key);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var now = clock.GetUtcNow();
        var idleTimeout = settings.CurrentValue.IdleTimeout;
        if (cache.Find(key) is { } known && now - known.LastSeenAt < TouchEvery && known.ExpiresAt > now)
            return TicketSerializer.Default.Deserialize(known.Ticket);

        var changesHeard = cache.ChangesHeard(key);
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await DbAsync(scope);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key);
        if (session is null) return null;
        if (!session.IsLive(now, idleTimeout))
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
            cache.Forget(key);
            return null;
        }
        byte[] ticket;
        try
        {
            ticket = _protector.Unprotect(session.Ticket);
        }
        catch (CryptographicException)
        {
            return null;
        }
        if (now - session.LastSeenAt >= TouchEvery)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
            // The write is heard as a change: the next request reads the row once more, and remembers it then.
        }
        else
        {
            cache.Keep(key, new KnownSession(ticket, session.LastSeenAt, session.ExpiresAt), changesHeard);
        }
        return TicketSerializer.Default.Deserialize(ticket);
    }

    public async Task RemoveAsync(string key)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await DbAsync(scope);
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync();
        cache.Forget(key);
    }

    /// <summary>True while the session exists and is within its idle timeout and lifetime.</summary>
    public async Task<bool> IsLiveAsync(string key, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await DbAsync(scope);
        var session = await db.UserSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key, ct);
        return session?.IsLive(clock.GetUtcNow(), settings.CurrentValue.IdleTimeout) == true;
    }

    private static void AddSessionClaim(AuthenticationTicket ticket, string key)
    {
        if (ticket.Principal.HasClaim(c => c.Type == SessionClaim) || ticket.Principal.Identity is not System.Security.Claims.ClaimsIdentity identity) return;
        identity.AddClaim(new System.Security.Claims.Claim(SessionClaim, key));
    }

    private static Task<SoftTargetsDbContext> DbAsync(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>().CreateDbContextAsync();

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private static string? UserIdOf(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
}

