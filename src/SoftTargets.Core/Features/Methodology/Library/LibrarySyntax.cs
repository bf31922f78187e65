using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SoftTargets.Core.Features.Methodology.Library;

/// <summary>
/// Turns the YAML parser's refusal into a message an editor can act on, on the line (and column) where the
/// fix goes: an unclosed bracket is reported where it was opened, a tab used for indentation where it is,
/// the parser's words are replaced by ours in English and Czech.
/// </summary>
internal static class LibrarySyntax
{
    private const string PrefixEn = "Not valid YAML or JSON";
    private const string PrefixCs = "Neplatný YAML nebo JSON";

    /// <summary>The error for a text the parser refused; <paramref name="ex"/> is null when the parser gave up without a message.</summary>
    public static LibraryError Describe(string text, YamlException? ex)
    {
        var replay = Replay(text);
        var message = ex?.Message ?? "";
        var (line, column) = ex is null ? replay.Stopped : ((int)ex.Start.Line, (int)ex.Start.Column);

        if (message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstTabIndent(text) is { } tab)
            return Error(tab.Line, tab.Column, "a tab is used for indentation: indent with spaces only.",
                "k odsazení je použit tabulátor: odsazujte jen mezerami.");

        if (ex is null || message.Contains("did not find expected ','", StringComparison.Ordinal))
        {
            // A bracket left open is found only further down; a missing comma right after the last value read.
            var unclosed = replay.OpenFlow is { } open && (ex is null || ClosesOrEnds(text, line, column) || open.Line == replay.Stopped.Line && line > open.Line);
            if (unclosed)
            {
                var flow = replay.OpenFlow!;
                var (en, cs) = flow.IsList ? ("list", "seznam") : ("group of fields", "skupina polí");
                var (close, opener, ending) = flow.IsList ? (']', '[', "ý") : ('}', '{', "á");
                return Error(flow.Line, flow.Column, $"the {en} opened with '{opener}' here is not closed: add '{close}' where it ends.",
                    $"{cs} otevřen{ending} znakem '{opener}' zde není uzavřen{ending}: doplňte '{close}' tam, kde končí.");
            }
            if (LineText(text, line).Count(c => c == '"') % 2 == 1)
                return Error(line, column, "the quotes on this line do not pair up: check that every quoted text has its closing quote.",
                    "uvozovky na tomto řádku netvoří páry: zkontrolujte, že každý text v uvozovkách má koncové uvozovky.");
            if (replay.Stopped.Line < line)
            {
                var previous = LineText(text, replay.Stopped.Line).TrimEnd();
                return Error(replay.Stopped.Line, previous.Length + 1, "a ',' is missing at the end of this line.",
                    "na konci tohoto řádku chybí ','.");
            }
            return Error(line, column, "a ',' is missing between two values here, or a bracket is not closed.",
                "mezi dvěma hodnotami zde chybí ',' nebo není uzavřena závorka.");
        }

        if (message.Contains("quoted scalar", StringComparison.Ordinal))
            return Error(line, column, "the quoted text that starts here is not closed: add the closing quote.",
                "text v uvozovkách, který zde začíná, není uzavřen: doplňte koncové uvozovky.");
        if (message.Contains("did not find expected key", StringComparison.Ordinal)
            || message.Contains("did not find expected '-'", StringComparison.Ordinal))
            return Error(line, column, "this line is not indented like the lines above it: line it up with the field or list item it belongs to.",
                "tento řádek není odsazen jako řádky nad ním: zarovnejte ho s polem nebo položkou seznamu, ke které patří.");
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal) || message.Contains("): Duplicate key", StringComparison.Ordinal))
        {
            var name = message[(message.LastIndexOf("Duplicate key", StringComparison.Ordinal) + "Duplicate key".Length)..].Trim();
            return Error(line, column, $"the field '{name}' appears twice in the same group: keep one.",
                $"pole '{name}' je ve stejné skupině uvedeno dvakrát: ponechte jedno.");
        }
        var invalidMapping = message.Contains("invalid mapping", StringComparison.Ordinal) || message.Contains("mapping values are not allowed", StringComparison.Ordinal);
        if (invalidMapping && !LineBefore(text, line, column).Contains(':', StringComparison.Ordinal))
            return Error(line, column, "this line is indented deeper than the field above, so it reads as part of that field's value: line it up with the fields it belongs to.",
                "tento řádek je odsazen hlouběji než pole nad ním, a čte se proto jako část jeho hodnoty: zarovnejte ho s poli, ke kterým patří.");
        if (invalidMapping)
            return Error(line, column, "a ': ' inside a value reads as a new field: put the value in quotes, or start the field on its own line.",
                "': ' uvnitř hodnoty se čte jako nové pole: dejte hodnotu do uvozovek, nebo pole začněte na novém řádku.");
        if (message.Contains("cannot start any token", StringComparison.Ordinal))
        {
            var character = CharacterAt(text, line, column);
            return Error(line, column, $"a value cannot start with '{character}': put the value in quotes.",
                $"hodnota nemůže začínat znakem '{character}': dejte hodnotu do uvozovek.");
        }
        if (message.Contains("end of stream", StringComparison.Ordinal))
            return Error(line, column, "the file ends in the middle of a value: check the last lines.",
                "soubor končí uprostřed hodnoty: zkontrolujte poslední řádky.");

        // Anything else: the parser's own words, which are in English only.
        var detail = message.Split(": ", 2).Last().Trim();
        return Error(line, column, detail, detail);
    }

    private static LibraryError Error(int line, int column, string en, string cs) => new(Math.Max(line, 1),
        new($"{PrefixEn} (column {column}): {en}", $"{PrefixCs} (sloupec {column}): {cs}")) { Column = column };

    /// <summary>
    /// Reads the events again up to the failure, keeping the flow collections ([...] and {...}) still open and
    /// where the parser was when it stopped.
    /// </summary>
    private static (OpenCollection? OpenFlow, (int Line, int Column) Stopped) Replay(string text)
    {
        var parser = new Parser(new StringReader(text));
        var open = new Stack<OpenCollection?>();
        (int, int) stopped = (1, 1);
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                stopped = ((int)current.End.Line, (int)current.End.Column);
                switch (current)
                {
                    case SequenceStart start:
                        open.Push(start.Style == SequenceStyle.Flow ? new(true, (int)start.Start.Line, (int)start.Start.Column) : null);
                        break;
                    case MappingStart start:
                        open.Push(start.Style == MappingStyle.Flow ? new(false, (int)start.Start.Line, (int)start.Start.Column) : null);
                        break;
                    case SequenceEnd or MappingEnd when open.Count > 0:
                        open.Pop();
                        break;
                }
            }
        }
        catch (YamlException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        return (open.FirstOrDefault(o => o is not null), stopped);
    }

    /// <summary>Whether the parser stopped at a closing bracket or at the end of the text, that is, past an unclosed one.</summary>
    private static bool ClosesOrEnds(string text, int line, int column)
    {
        var lines = text.Split('\n');
        if (line > lines.Length) return true;
        var rest = string.Join('\n', lines.Skip(line - 1)).Substring(Math.Min(Math.Max(column - 1, 0), lines[line - 1].Length)).TrimStart();
        return rest.Length == 0 || rest[0] is ']' or '}';
    }

    private static (int Line, int Column)? FirstTabIndent(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0 && lines[i].Trim().Length > 0) return (i + 1, tab + 1);
        }
        return null;
    }

    private static string LineText(string text, int line)
    {
        var lines = text.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1].TrimEnd('\r') : "";
    }

    private static string LineBefore(string text, int line, int column)
    {
        var lines = text.Split('\n');
        return line >= 1 && line <= lines.Length ? lines[line - 1][..Math.Clamp(column - 1, 0, lines[line - 1].Length)] : "";
    }

    private static string CharacterAt(string text, int line, int column)
    {
        var lines = text.Split('\n');
        return line >= 1 && line <= lines.Length && column >= 1 && column <= lines[line - 1].Length ? lines[line - 1][column - 1].ToString() : "?";
    }

    private sealed record OpenCollection(bool IsList, int Line, int Column);
}
