using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SoftTargets.Core.Features.Methodology.Library;

/// <summary>
/// What a library file may hold before anything is built from it. A real methodology is a few hundred
/// kilobytes, a dozen levels deep and has no anchors; a file beyond these limits is refused by line
/// from the parser's event stream, so that a hostile file (a recursive alias, "billion laughs", deep
/// nesting) never reaches the recursive code that builds objects.
/// </summary>
public static class LibraryLimits
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxDepth = 64;
    public const int MaxNodes = 500_000;
    public const int MaxScalarLength = 100_000;

    /// <summary>Reads at most <see cref="MaxBytes"/> from the stream; null when it holds more.</summary>
    public static async Task<string?> ReadTextAsync(Stream stream, CancellationToken ct = default)
    {
        var buffer = new byte[81_920];
        using var content = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, ct)) > 0)
        {
            if (content.Length + read > MaxBytes) return null;
            content.Write(buffer, 0, read);
        }
        return new UTF8Encoding(false).GetString(content.GetBuffer(), 0, (int)content.Length).TrimStart('\uFEFF');
    }

    public static LibraryError TooLarge { get; } = new(1,
        $"The file is larger than {MaxBytes / 1024 / 1024} MB: a methodology library is far smaller, check that this is the right file.",
        $"Soubor je větší než {MaxBytes / 1024 / 1024} MB: knihovna metodiky je mnohem menší, zkontrolujte, že jde o správný soubor.");

    /// <summary>The first limit the file breaks, with its line; null when it keeps to all of them.</summary>
    /// <exception cref="YamlException">The text is not YAML (or JSON); the caller reports it as such.</exception>
    internal static LibraryError? Check(string text)
    {
        if (text.Length > MaxBytes || Encoding.UTF8.GetByteCount(text) > MaxBytes) return TooLarge;
        var parser = new Parser(new StringReader(text));
        try
        {
            return CheckEvents(parser);
        }
        catch (InvalidOperationException)
        {
            return LibraryFormat.Unbalanced(text);
        }
    }

    private static LibraryError? CheckEvents(Parser parser)
    {
        int depth = 0, nodes = 0;
        while (parser.MoveNext())
        {
            var current = parser.Current!;
            var line = (int)current.Start.Line;
            switch (current)
            {
                case AnchorAlias:
                    return new(line, "Aliases (*name) are not allowed in library files: write the value out in full.",
                        "Aliasy (*název) nejsou v souborech knihovny dovoleny: hodnotu vypište celou.");
                case NodeEvent { Anchor.IsEmpty: false }:
                    return new(line, "Anchors (&name) are not allowed in library files: remove the anchor and write each value out in full.",
                        "Kotvy (&název) nejsou v souborech knihovny dovoleny: kotvu odstraňte a každou hodnotu vypište celou.");
            }
            if (current is NodeEvent && ++nodes > MaxNodes)
                return new(line, "The file has more than 500,000 values: a methodology library is far smaller, check that this is the right file.",
                    "Soubor má více než 500\u00A0000 hodnot: knihovna metodiky je mnohem menší, zkontrolujte, že jde o správný soubor.");
            switch (current)
            {
                case MappingStart or SequenceStart when ++depth > MaxDepth:
                    return new(line, $"The file is nested more than {MaxDepth} levels deep: a methodology library needs far fewer, check the brackets and indentation here.",
                        $"Soubor je vnořen hlouběji než {MaxDepth} úrovní: knihovna metodiky jich potřebuje mnohem méně, zkontrolujte závorky a odsazení zde.");
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
                case Scalar { Value.Length: > MaxScalarLength }:
                    return new(line, "A value is longer than 100,000 characters: shorten it.",
                        "Hodnota je delší než 100\u00A0000 znaků: zkraťte ji.");
            }
        }
        return null;
    }
}
