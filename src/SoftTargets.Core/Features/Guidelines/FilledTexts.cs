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
    /// <param name="shared">Whether the text returned is the one kept for every site it reads the same for.</param>
    public string Get(ReadOnlySpan<char> text, out bool shared)
    {
        shared = true;
        if (_bySpan.TryGetValue(text, out var kept))
            return kept;
        var made = new string(text);
        if (Volatile.Read(ref _count) < MostTexts)
            return _texts.TryAdd(made, made) ? Kept(made) : _texts[made];
        shared = false;
        return made;
    }

    private string Kept(string text)
    {
        Interlocked.Increment(ref _count);
        return text;
    }
}
