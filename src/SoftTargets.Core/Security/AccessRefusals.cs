namespace SoftTargets.Core.Security;

/// <summary>A refusal by Core: who was refused (ids only) and which operation refused them.</summary>
public sealed record AccessRefusal(string UserId, Guid? OrganizationId, IReadOnlySet<string> Roles, string Operation);

/// <summary>
/// Core has no logger of its own: it announces each refusal here and the host writes it to its log,
/// whichever page, endpoint or verb caught the exception afterwards.
/// </summary>
public static class AccessRefusals
{
    public static event Action<AccessRefusal>? Refused;

    internal static void Announce(Actor actor, string operation) =>
        Refused?.Invoke(new AccessRefusal(actor.UserId, actor.OrganizationId, actor.Roles, operation));
}
