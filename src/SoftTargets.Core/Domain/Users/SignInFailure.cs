namespace SoftTargets.Core.Domain.Users;

/// <summary>
/// Wrong sign-ins for an e-mail address that has no account, counted like Identity counts them for a
/// real one, so an unknown address gets the same answers (and the same lockout) as a known one.
/// The address is kept only as its SHA-256.
/// </summary>
public sealed class SignInFailure
{
    private SignInFailure() { }

    public SignInFailure(string addressHash) => AddressHash = addressHash;

    public string AddressHash { get; private set; } = "";
    public int Count { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil > now;

    /// <summary>Counts one failure; the one that reaches the limit locks the address and starts counting again.</summary>
    public void Fail(DateTimeOffset now, int maxAttempts, TimeSpan lockout)
    {
        if (LockedUntil <= now) LockedUntil = null;
        Count++;
        if (Count < maxAttempts) return;
        LockedUntil = now + lockout;
        Count = 0;
    }
}
