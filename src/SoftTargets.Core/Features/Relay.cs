namespace SoftTargets.Core.Features;

/// <summary>Reports progress on the spot (<see cref="Progress{T}"/> would post it to the thread pool, out of order).</summary>
public sealed class Relay<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
