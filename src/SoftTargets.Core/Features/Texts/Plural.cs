using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace SoftTargets.Core.Features.Texts;

/// <summary>
/// Formats messages written in ICU MessageFormat syntax, so a count reads right in every language:
/// <c>{0, plural, one {# measure} other {# measures}}</c> in English and
/// <c>{0, plural, one {# opatření} few {# opatření} many {# opatření} other {# opatření}}</c> in Czech.
/// The plural category (zero, one, two, few, many, other) comes from the CLDR rules of the culture through
/// ICU4N's <see cref="PluralRules"/>; the message syntax understood here is the part of MessageFormat the
/// app uses: numbered arguments (<c>{0}</c>), <c>plural</c> with <c>=n</c> cases, <c>offset:</c> and <c>#</c>,
/// <c>select</c>, and apostrophe quoting. A pattern that cannot be read is returned as written, never thrown.
/// </summary>
public static class Plural
{
    private static readonly ConcurrentDictionary<string, PluralRules> Rules = new(StringComparer.Ordinal);

    /// <summary>The CLDR plural category of a number in the culture's language: "one", "few", "many", "other"...</summary>
    public static string Category(decimal number, CultureInfo culture) => RulesOf(culture).Select((double)number);

    /// <summary>The message with its arguments filled in, in the culture's words and number format.</summary>
    public static string Format(CultureInfo culture, string pattern, params object?[] args)
    {
        try
        {
            var output = new StringBuilder(pattern.Length + 16);
            var position = 0;
            Message(pattern, ref position, culture, args, null, output, nested: false);
            return output.ToString();
        }
        catch (FormatException)
        {
            return pattern;
        }
    }

    private static PluralRules RulesOf(CultureInfo culture) =>
        Rules.GetOrAdd(culture.TwoLetterISOLanguageName, _ => PluralRules.GetInstance(culture));

    /// <summary>Copies text until the end of the pattern (or the closing brace of a nested message), filling arguments.</summary>
    private static void Message(string pattern, ref int i, CultureInfo culture, object?[] args, decimal? hash, StringBuilder output, bool nested)
    {
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\'')
            {
                Quoted(pattern, ref i, output);
                continue;
            }
            if (c == '}')
            {
                if (nested) return;
                throw new FormatException("Unbalanced closing brace.");
            }
            if (c == '#' && hash is { } number)
            {
                output.Append(Number(number, culture));
                i++;
                continue;
            }
            if (c == '{')
            {
                Argument(pattern, ref i, culture, args, output);
                continue;
            }
            output.Append(c);
            i++;
        }
        if (nested) throw new FormatException("A nested message is not closed.");
    }

    /// <summary>
    /// ICU's apostrophe rule: two apostrophes are one; an apostrophe before a brace or # starts quoted text up to the
    /// next single apostrophe; any other apostrophe (the site's plan) is an apostrophe.
    /// </summary>
    private static void Quoted(string pattern, ref int i, StringBuilder output)
    {
        if (i + 1 < pattern.Length && pattern[i + 1] == '\'')
        {
            output.Append('\'');
            i += 2;
            return;
        }
        if (i + 1 < pattern.Length && pattern[i + 1] is '{' or '}' or '#' or '|')
        {
            i++;
            while (i < pattern.Length)
            {
                if (pattern[i] == '\'')
                {
                    if (i + 1 < pattern.Length && pattern[i + 1] == '\'') { output.Append('\''); i += 2; continue; }
                    i++;
                    return;
                }
                output.Append(pattern[i++]);
            }
            return;
        }
        output.Append('\'');
        i++;
    }

    private static void Argument(string pattern, ref int i, CultureInfo culture, object?[] args, StringBuilder output)
    {
        i++; // {
        var index = int.Parse(Token(pattern, ref i), NumberStyles.None, CultureInfo.InvariantCulture);
        var value = index < args.Length ? args[index] : throw new FormatException($"No argument {index}.");
        Skip(pattern, ref i);
        if (Peek(pattern, i) == '}')
        {
            i++;
            output.Append(Simple(value, culture));
            return;
        }
        Expect(pattern, ref i, ',');
        var type = Token(pattern, ref i);
        Skip(pattern, ref i);
        switch (type)
        {
            case "plural":
                Expect(pattern, ref i, ',');
                Choose(pattern, ref i, culture, args, output, value, plural: true);
                break;
            case "select":
                Expect(pattern, ref i, ',');
                Choose(pattern, ref i, culture, args, output, value, plural: false);
                break;
            case "number":
                Expect(pattern, ref i, '}');
                output.Append(Number(ToDecimal(value), culture));
                break;
            default:
                throw new FormatException($"Argument type {type} is not supported.");
        }
    }

    /// <summary>Reads every case of a plural or select argument and writes the one that fits.</summary>
    private static void Choose(string pattern, ref int i, CultureInfo culture, object?[] args, StringBuilder output, object? value, bool plural)
    {
        decimal offset = 0;
        var number = plural ? ToDecimal(value) : 0;
        var keyword = plural ? null : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        int? chosen = null, other = null;
        Skip(pattern, ref i);
        if (plural && string.CompareOrdinal(pattern, i, "offset:", 0, 7) == 0)
        {
            i += 7;
            Skip(pattern, ref i);
            offset = decimal.Parse(Token(pattern, ref i), NumberStyles.Number, CultureInfo.InvariantCulture);
        }
        string? category = null;
        while (true)
        {
            Skip(pattern, ref i);
            if (Peek(pattern, i) == '}') { i++; break; }
            var selector = Token(pattern, ref i);
            Skip(pattern, ref i);
            if (Peek(pattern, i) != '{') throw new FormatException("A case has no message.");
            var start = i + 1;
            SkipMessage(pattern, ref i);
            if (chosen is not null) continue;
            if (selector == "other") other = start;
            if (plural && selector.StartsWith('='))
            {
                if (decimal.Parse(selector[1..], NumberStyles.Number, CultureInfo.InvariantCulture) == number) chosen = start;
            }
            else if (plural && selector != "other")
            {
                category ??= Category(number - offset, culture);
                if (selector == category) chosen = start;
            }
            else if (!plural && selector == keyword) chosen = start;
        }
        var at = chosen ?? other ?? throw new FormatException("A plural or select argument has no 'other' case.");
        Message(pattern, ref at, culture, args, plural ? number - offset : null, output, nested: true);
    }

    /// <summary>Moves past a {…} message, braces and quoting included.</summary>
    private static void SkipMessage(string pattern, ref int i)
    {
        var depth = 0;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\'' && i + 1 < pattern.Length && pattern[i + 1] is '{' or '}' or '#' or '|')
            {
                var end = pattern.IndexOf('\'', i + 1);
                if (end < 0) throw new FormatException("Unclosed quote.");
                i = end;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) { i++; return; }
        }
        throw new FormatException("A case's message is not closed.");
    }

    private static string Token(string pattern, ref int i)
    {
        Skip(pattern, ref i);
        var start = i;
        while (i < pattern.Length && !char.IsWhiteSpace(pattern[i]) && pattern[i] is not ('{' or '}' or ',')) i++;
        if (i == start) throw new FormatException("A name or number was expected.");
        return pattern[start..i];
    }

    private static void Skip(string pattern, ref int i)
    {
        while (i < pattern.Length && char.IsWhiteSpace(pattern[i])) i++;
    }

    private static char Peek(string pattern, int i) => i < pattern.Length ? pattern[i] : '\0';

    private static void Expect(string pattern, ref int i, char c)
    {
        Skip(pattern, ref i);
        if (Peek(pattern, i) != c) throw new FormatException($"'{c}' was expected.");
        i++;
    }

    private static decimal ToDecimal(object? value) => value switch
    {
        null => 0,
        IConvertible convertible => convertible.ToDecimal(CultureInfo.InvariantCulture),
        _ => throw new FormatException("A plural argument must be a number."),
    };

    /// <summary>Whole numbers with the culture's grouping (1 200 in Czech, 1,200 in English), fractions as written.</summary>
    private static string Number(decimal number, CultureInfo culture) => number.ToString("#,##0.###", culture);

    /// <summary>A plain argument reads as <see cref="string.Format(IFormatProvider, string, object[])"/> would write it.</summary>
    private static string Simple(object? value, CultureInfo culture) => value switch
    {
        null => "",
        IFormattable formattable => formattable.ToString(null, culture),
        _ => value.ToString() ?? "",
    };
}
