using System.Collections.Concurrent;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// The filled step texts of one methodology version that sites share, kept once: a text filled for a site comes back
/// as the instance kept for an equal text filled before (the same contacts' markers, the same zones), so only a text
/// new to the generator costs a string. Keeps at most <see cref="MostTexts"/> texts and makes the rest each time. Safe
/// to share between threads.
/// </summary>
internal sealed class FilledTexts
{
    private const int MostTexts = 8192;

    private readonly ConcurrentDictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public FilledTexts() => _bySpan = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The kept text equal to <paramref name="text"/>, or a new one (kept while there is room).</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (_bySpan.TryGetValue(text, out var kept))
            return kept;
        var made = new string(text);
        if (Volatile.Read(ref _count) < MostTexts && _texts.TryAdd(made, made))
            Interlocked.Increment(ref _count);
        return made;
    }
}
