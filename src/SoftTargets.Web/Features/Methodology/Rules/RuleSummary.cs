using System.Globalization;
using System.Resources;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Methodology.Rules;

/// <summary>
/// A rule in plain words, e.g. "Occupancy ≥ 800 and venue type is Stadium or Arena", in English or
/// Czech. Names come from the methodology's catalogues and fall back to the key; unfinished nodes are
/// described as such. Pure: each kind describes its nodes (ConditionKind.Describe) with words from the RuleStrings
/// resources for the given culture.
/// </summary>
public static class RuleSummary
{
    private static readonly ResourceManager Resources = new(typeof(RuleStrings));

    public static string Describe(Condition? rule, MethodologyDocument catalog, CultureInfo culture)
    {
        var words = new Words(catalog, culture);
        return rule is null ? words.Text("EverySite") : Capitalize(words.Node(rule, nested: false), culture);
    }

    private static string Capitalize(string text, CultureInfo culture)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsLetter(text[i]))
                return text[..i] + char.ToUpper(text[i], culture) + text[(i + 1)..];
            if (!char.IsPunctuation(text[i]))
                return text;
        }
        return text;
    }

    private sealed class Words(MethodologyDocument catalog, CultureInfo culture) : RuleWords(catalog, culture)
    {
        public override string Text(string key) => Resources.GetString(key, Culture) ?? key;
    }
}
