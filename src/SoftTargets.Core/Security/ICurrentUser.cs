namespace SoftTargets.Core.Security;

/// <summary>
/// The boundary through which Core learns who is asking: the web host answers from the signed-in
/// user (circuit or HTTP request), command-line verbs answer <see cref="Actor.System"/>.
/// </summary>
public interface ICurrentUser
{
    ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default);
}
