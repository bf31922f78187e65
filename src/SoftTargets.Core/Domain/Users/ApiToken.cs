using System.Security.Cryptography;
using System.Text;

namespace SoftTargets.Core.Domain.Users;

/// <summary>
/// A personal API token: a machine client acts as its user, limited to the roles the token names
/// (never more than the user has now) and always to the user's organisation. Only the SHA-256 of the
/// secret is kept; the secret itself is shown once, when the token is created.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Every secret starts with this, so a leaked one is easy to recognise (secret scanners, logs).</summary>
    public const string SecretPrefix = "stk_";

    private ApiToken() { }

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public Guid OrganizationId { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>SHA-256 of the secret; binary, so the audit trail records only a digest of it.</summary>
    public byte[] SecretHash { get; private set; } = [];

    public List<string> Roles { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public static (ApiToken Token, string Secret) Issue(
        string userId, Guid organizationId, string name, IEnumerable<string> roles, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var token = new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            OrganizationId = organizationId,
            Name = name.Trim(),
            SecretHash = Hash(secret),
            Roles = roles.Distinct().Order().ToList(),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
