using System.Globalization;
using System.Text;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// The words a rule summary is made of, in one culture: a host supplies the texts by key (e.g.
/// <c>Summary_Occupancy</c>); names come from the methodology's catalogues and fall back to the key.
/// </summary>
public abstract class RuleWords(MethodologyDocument catalog, CultureInfo culture)
{
    public MethodologyDocument Catalog { get; } = catalog;

    public CultureInfo Culture { get; } = culture;

    /// <summary>The text of the key in <see cref="Culture"/>; the key itself when there is none.</summary>
    public abstract string Text(string key);

    public string Format(string key, params object[] arguments) => string.Format(Culture, Text(key), arguments);

    /// <summary>A node's words; a combination inside another is put in parentheses.</summary>
    public string Node(Condition node, bool nested) =>
        ConditionKinds.Of(node) is { } kind ? kind.Describe(node, this, nested) : Text("Summary_Unchosen");

    /// <summary>"≥ 800 and &lt; 2,000" as the summary's text; the none text when no limit is set.</summary>
    public string Comparison(NumberComparison comparison, string summary, string none)
    {
        var limits = new List<string>();
        Add(comparison.Gte, "≥");
        Add(comparison.Gt, ">");
        Add(comparison.Lte, "≤");
        Add(comparison.Lt, "<");
        return limits.Count == 0
            ? Text(none)
            : Format(summary, string.Join(" " + Text("Summary_And") + " ", limits));

        void Add(int? limit, string symbol)
        {
            if (limit is { } l)
                limits.Add(symbol + " " + l.ToString("N0", Culture));
        }
    }

    /// <summary>"Stadium, Arena or School".</summary>
    public string Names(IEnumerable<(string Key, LocalizedText Name)> items, IReadOnlyList<string> keys)
    {
        var all = items.ToList();
        var text = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
                text.Append(i == keys.Count - 1 ? " " + Text("Summary_Or") + " " : ", ");
            text.Append(Name(all, keys[i]));
        }
        return text.ToString();
    }

    public string Name(IEnumerable<(string Key, LocalizedText Name)> items, string key)
    {
        foreach (var (itemKey, name) in items)
        {
            if (string.Equals(itemKey, key, StringComparison.Ordinal))
            {
                var text = name?.For(Culture);
                return string.IsNullOrWhiteSpace(text) ? key : text;
            }
        }
        return key;
    }
}
