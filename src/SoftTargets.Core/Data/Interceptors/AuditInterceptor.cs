using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Data.Interceptors;

/// <summary>
/// The one place that fills audit fields and writes the audit trail, inside the same SaveChanges
/// (so the same transaction) as the change itself. Services never do either.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NotAudited =
        [nameof(AuditableEntity.CreatedAt), nameof(AuditableEntity.CreatedBy), nameof(AuditableEntity.UpdatedAt), nameof(AuditableEntity.UpdatedBy), "Version"];

    /// <summary>
    /// Secrets of accounts (password hash, stamps, any token hash) are recorded only as changed, never
    /// in clear: the trail is readable by auditors.
    /// </summary>
    internal const string Redacted = "***";

    private static readonly HashSet<string> Secret =
        [nameof(ApplicationUser.PasswordHash), nameof(ApplicationUser.SecurityStamp), nameof(ApplicationUser.ConcurrencyStamp)];

    /// <summary>Values longer than this (whole methodology documents, generated guidelines) are recorded by their hash.</summary>
    private const int MaxRecordedLength = 4096;

    /// <summary>
    /// Only framework code saves synchronously (data-protection keys), and nothing it saves is audited;
    /// audited changes need the current user, which is read asynchronously.
    /// </summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && context.ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && IsAudited(e)))
            throw new InvalidOperationException("Save audited changes with SaveChangesAsync.");
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            var currentUser = (context as SoftTargetsDbContext)?.CurrentUser
                ?? throw new InvalidOperationException("Only contexts from the app's context factory know who saves: take one from IDbContextFactory<SoftTargetsDbContext>.");
            Record(context, await currentUser.GetAsync(cancellationToken), clock.GetUtcNow());
        }
        return result;
    }

    private static void Record(DbContext context, Actor actor, DateTimeOffset now)
    {
        context.ChangeTracker.DetectChanges();
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .ToList();

        foreach (var entry in entries)
        {
            if (entry.Entity is AuditableEntity auditable) Stamp(entry, auditable, actor, now);
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;
            context.Add(new AuditLogEntry(now, actor.UserId.Length > 0 ? actor.UserId : actor.UserName, actor.UserName,
                actor.OrganizationId, EntityTypeOf(entry), KeyOf(entry), ActionOf(entry.State), changes.ToJsonString()));
        }
    }

    /// <summary>
    /// Users and their role memberships are audited (accountability); the rest of Identity's tables, the keys,
    /// sessions and sign-in failure counts are not.
    /// </summary>
    private static bool IsAudited(EntityEntry entry) => entry.Entity is not (AuditLogEntry or DataProtectionKey or UserSession or SignInFailure
        or IdentityUserClaim<string> or IdentityUserLogin<string> or IdentityUserToken<string> or IdentityRoleClaim<string>
        or IdentityRole);

    private static string EntityTypeOf(EntityEntry entry) => entry.Entity switch
    {
        ApplicationUser => AuditEntityTypes.User,
        IdentityUserRole<string> => AuditEntityTypes.UserRole,
        _ => entry.Metadata.ClrType.Name,
    };

    private static bool IsSecret(string property) =>
        Secret.Contains(property) || property.EndsWith("TokenHash", StringComparison.Ordinal) || property.Contains("Secret", StringComparison.Ordinal);

    private static void Stamp(EntityEntry entry, AuditableEntity entity, Actor actor, DateTimeOffset now)
    {
        if (entry.State == EntityState.Added)
        {
            entity.CreatedAt = now;
            entity.CreatedBy = actor.UserName;
        }
        if (entry.State is EntityState.Added or EntityState.Modified)
        {
            entity.UpdatedAt = now;
            entity.UpdatedBy = actor.UserName;
        }
    }

    private static JsonObject Changes(EntityEntry entry)
    {
        var changes = new JsonObject();
        foreach (var property in entry.Properties)
        {
            if (NotAudited.Contains(property.Metadata.Name) || property.Metadata.IsShadowProperty()) continue;
            if (IsSecret(property.Metadata.Name))
            {
                if (RedactedChange(entry.State, property) is { } redacted) changes[property.Metadata.Name] = redacted;
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    changes[property.Metadata.Name] = Change(null, property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    changes[property.Metadata.Name] = Change(property.OriginalValue, null);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(Json(property.OriginalValue), Json(property.CurrentValue)):
                    changes[property.Metadata.Name] = Change(property.OriginalValue, property.CurrentValue);
                    break;
            }
        }
        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                var name = complex.Metadata.Name + "." + property.Metadata.Name;
                if (entry.State == EntityState.Added) changes[name] = Change(null, property.CurrentValue);
                else if (entry.State == EntityState.Deleted) changes[name] = Change(property.OriginalValue, null);
                else if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    changes[name] = Change(property.OriginalValue, property.CurrentValue);
            }
        }
        return changes;
    }

    private static JsonObject? RedactedChange(EntityState state, PropertyEntry property)
    {
        JsonNode? Mark(object? value) => value is null ? null : JsonValue.Create(Redacted);
        return state switch
        {
            EntityState.Added => new JsonObject { ["before"] = null, ["after"] = Mark(property.CurrentValue) },
            EntityState.Deleted => new JsonObject { ["before"] = Mark(property.OriginalValue), ["after"] = null },
            EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue) =>
                new JsonObject { ["before"] = Mark(property.OriginalValue), ["after"] = Mark(property.CurrentValue) },
            _ => null,
        };
    }

    private static JsonObject Change(object? before, object? after) =>
        new() { ["before"] = Node(before), ["after"] = Node(after) };

    private static JsonNode? Node(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case byte[] bytes:
                return JsonValue.Create($"{bytes.Length} bytes, sha256:{Convert.ToHexStringLower(SHA256.HashData(bytes))}");
        }
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), JsonbConversion.Options);
        var json = node?.ToJsonString() ?? "";
        return json.Length <= MaxRecordedLength
            ? node
            : JsonValue.Create($"{json.Length} characters, sha256:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}");
    }

    private static string? Json(object? value) => Node(value)?.ToJsonString();

    private static string KeyOf(EntityEntry entry) =>
        string.Join("/", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static AuditAction ActionOf(EntityState state) => state switch
    {
        EntityState.Added => AuditAction.Created,
        EntityState.Deleted => AuditAction.Deleted,
        _ => AuditAction.Updated,
    };
}
