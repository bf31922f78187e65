namespace SoftTargets.Core.Security;

/// <summary>
/// Work the application does on its own behalf (migrations, seeding, command-line verbs, scheduled
/// jobs) runs inside a system scope; only there does the current user answer <see cref="Actor.System"/>.
/// Everything else is a signed-in user or anonymous, so forgetting to name the caller fails closed.
/// The scope flows into awaited work started inside it and ends on Dispose. Never begin one around
/// the start of a web host: its request loops would inherit it.
/// </summary>
public static class SystemScope
{
    private static readonly AsyncLocal<Marker?> Current = new();

    public static bool IsActive => Current.Value is not null;

    public static IDisposable Begin()
    {
        var marker = new Marker(Current.Value);
        Current.Value = marker;
        return marker;
    }

    private sealed class Marker(Marker? outer) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            if (ReferenceEquals(Current.Value, this)) Current.Value = outer;
        }
    }
}
