using SoftTargets.Core.Security;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.IntegrationTests.Infrastructure;

/// <summary>
/// Lets a test call Core services as a chosen user; everywhere else (HTTP requests) the app's own
/// accessor answers, so sign-in and cookies are tested for real. Without ActAs, the app's rule holds:
/// anonymous, or the application itself inside a <see cref="SystemScope"/>.
/// </summary>
public sealed class TestCurrentUser(CurrentUserAccessor real) : ICurrentUser
{
    private static readonly AsyncLocal<Actor?> Current = new();

    public static IDisposable ActAs(Actor actor)
    {
        Current.Value = actor;
        return new Reset();
    }

    public ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default) =>
        Current.Value is { } actor ? ValueTask.FromResult(actor) : real.GetAsync(cancellationToken);

    private sealed class Reset : IDisposable
    {
        public void Dispose() => Current.Value = null;
    }
}
