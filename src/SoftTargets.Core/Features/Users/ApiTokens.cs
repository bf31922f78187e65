using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Features.Users;

public sealed record ApiTokenListItem(
    Guid Id, string Name, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>A token that passed every check, with what its caller may do now.</summary>
public sealed record ApiTokenCaller(Guid TokenId, string UserId, string UserName, string DisplayName, Guid OrganizationId, IReadOnlySet<string> Roles);

public enum ApiTokenRefusal { Unknown, Revoked, Expired, UserGone, UserLockedOut, OrganizationChanged, Deactivated }

/// <summary>
/// Personal API tokens: every signed-in user creates, lists and revokes their own. A token's roles
/// are a subset of the user's, and what a call may do is re-checked against the user on every call.
/// </summary>
public sealed class ApiTokens(IDbContextFactory<SoftTargetsDbContext> dbFactory, ICurrentUser currentUser, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    public async Task<(ApiTokenListItem Token, string Secret)> CreateAsync(string name, TimeSpan lifetime, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        var actor = await SignedInAsync(ct);
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
            throw ValidationFailedException.For("Name", $"Give the token a name of 1 to {MaxNameLength} characters.");
        if (lifetime <= TimeSpan.Zero || lifetime > MaxLifetime)
            throw ValidationFailedException.For("ExpiresAt", "A token lives from one day to one year.");
        if (roles.Count == 0 || roles.Any(r => !actor.IsIn(r)))
            throw ValidationFailedException.For("Roles", "Choose one or more of your own roles.");

        var now = clock.GetUtcNow();
        var (token, secret) = ApiToken.Issue(actor.UserId, actor.OrganizationId!.Value, name, roles, now, now + lifetime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        return (Item(token), secret);
    }

    public async Task<IReadOnlyList<ApiTokenListItem>> ListAsync(CancellationToken ct = default)
    {
        var actor = await SignedInAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == actor.UserId).OrderByDescending(t => t.CreatedAt).ToListAsync(ct);
        return tokens.Select(Item).ToList();
    }

    /// <summary>Revokes one of the caller's own tokens; another user's token looks like one that does not exist.</summary>
    public async Task RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var actor = await SignedInAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == actor.UserId, ct)
            ?? throw new NotFoundException("The token");
        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Checks a presented secret. The caller gets the token's roles that the user still has, in the
    /// user's organisation; a revoked or expired token, or a user deleted, locked out or moved to another
    /// organisation, gets nothing.
    /// </summary>
    public async Task<(ApiTokenCaller? Caller, ApiTokenRefusal Refusal, string? UserId)> AuthenticateAsync(string secret, CancellationToken ct = default)
    {
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal) || secret.Length > 200) return (null, ApiTokenRefusal.Unknown, null);
        var hash = ApiToken.Hash(secret);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var token = await db.ApiTokens.AsNoTracking().SingleOrDefaultAsync(t => t.SecretHash == hash, ct);
        if (token is null) return (null, ApiTokenRefusal.Unknown, null);
        if (token.RevokedAt is not null) return (null, ApiTokenRefusal.Revoked, token.UserId);
        if (!token.IsUsable(now)) return (null, ApiTokenRefusal.Expired, token.UserId);

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == token.UserId, ct);
        if (user is null) return (null, ApiTokenRefusal.UserGone, token.UserId);
        if (user.LockoutEnd > now) return (null, ApiTokenRefusal.UserLockedOut, token.UserId);
        if (user.DeactivatedAt is not null || await db.Organizations.AnyAsync(o => o.Id == user.OrganizationId && o.DeactivatedAt != null, ct))
            return (null, ApiTokenRefusal.Deactivated, token.UserId);
        if (user.OrganizationId != token.OrganizationId) return (null, ApiTokenRefusal.OrganizationChanged, token.UserId);
        var userRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name!).ToListAsync(ct);

        // Written past the interceptor: a use is not a change worth an audit row.
        await db.ApiTokens.Where(t => t.Id == token.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        var roles = token.Roles.Intersect(userRoles).ToHashSet();
        return (new ApiTokenCaller(token.Id, user.Id, user.UserName ?? "", user.DisplayName, user.OrganizationId, roles), ApiTokenRefusal.Unknown, user.Id);
    }

    private async Task<Actor> SignedInAsync(CancellationToken ct)
    {
        var actor = await currentUser.GetAsync(ct);
        actor.Demand(actor.IsAuthenticated && !actor.IsSystem && actor.OrganizationId is not null);
        return actor;
    }

    private static ApiTokenListItem Item(ApiToken t) => new(t.Id, t.Name, t.Roles, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
}
