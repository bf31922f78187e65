namespace SoftTargets.Core.Security;

/// <summary>
/// The boundary through which Core learns who is asking: the web host answers from the signed-in
/// user (circuit or HTTP request); work inside a <see cref="SystemScope"/> (command-line verbs, start-up
/// and scheduled jobs) answers <see cref="Actor.System"/>; anybody else is <see cref="Actor.Anonymous"/>.
/// </summary>
public interface ICurrentUser
{
    ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default);
}
