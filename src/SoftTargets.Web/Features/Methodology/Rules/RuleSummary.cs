using System.Globalization;
using System.Resources;
using System.Text;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Methodology.Rules;

/// <summary>
/// A rule in plain words, e.g. "Occupancy ≥ 800 and venue type is Stadium or Arena", in English or
/// Czech. Names come from the methodology's catalogues and fall back to the key; unfinished nodes are
/// described as such. Pure: the words come from RuleStrings resources for the given culture.
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

    private sealed class Words(MethodologyDocument catalog, CultureInfo culture)
    {
        public string Text(string key) => Resources.GetString(key, culture) ?? key;

        private string Format(string key, params object[] arguments) => string.Format(culture, Text(key), arguments);

        /// <summary>A node's words; a combination inside another is put in parentheses.</summary>
        public string Node(Condition node, bool nested)
        {
            switch (RuleKinds.Of(node))
            {
                case RuleKinds.All or RuleKinds.Any:
                {
                    var children = RuleKinds.Children(node);
                    if (children.Count == 0)
                        return Text("Summary_NoConditions");
                    if (children.Count == 1)
                        return Node(children[0], nested);
                    var separator = " " + Text(node.All is not null ? "Summary_And" : "Summary_Or") + " ";
                    var joined = string.Join(separator, children.Select(c => Node(c, nested: true)));
                    return nested ? $"({joined})" : joined;
                }
                case RuleKinds.Not:
                    return Format("Summary_Not", Node(node.Not!, nested: false));
                case RuleKinds.VenueTypeIn:
                    return node.VenueTypeIn!.Count == 0
                        ? Text("Summary_VenueTypeNone")
                        : Format("Summary_VenueTypeIn", Names(catalog.VenueTypes.Select(i => (i.Key, i.Name)), node.VenueTypeIn!));
                case RuleKinds.Occupancy:
                    return Occupancy(node.Occupancy!);
                case RuleKinds.Attendance:
                    return Occupancy(node.Attendance!, "Summary_Attendance", "Summary_AttendanceNone");
                case RuleKinds.Attribute:
                    return string.IsNullOrEmpty(node.Attribute)
                        ? Text("Summary_AttributeNone")
                        : Format("Summary_Attribute", Name(catalog.Attributes.Select(i => (i.Key, i.Name)), node.Attribute));
                case RuleKinds.Threat:
                {
                    var threat = node.Threat!;
                    if (string.IsNullOrEmpty(threat.Type))
                        return Text("Summary_ThreatNone");
                    var name = Name(catalog.ThreatTypes.Select(i => (i.Key, i.Name)), threat.Type);
                    return threat.RiskAtLeast is { } least ? Format("Summary_ThreatRisk", name, least) : Format("Summary_Threat", name);
                }
                case RuleKinds.TierIn:
                    return node.TierIn!.Count == 0
                        ? Text("Summary_TierNone")
                        : Format("Summary_TierIn", Names(catalog.Tiers.Select(t => (t.Key, t.Name)), node.TierIn!));
                default:
                    return Text("Summary_Unchosen");
            }
        }

        private string Occupancy(NumberComparison comparison, string summary = "Summary_Occupancy", string none = "Summary_OccupancyNone")
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
                    limits.Add(symbol + " " + l.ToString("N0", culture));
            }
        }

        /// <summary>"Stadium, Arena or School".</summary>
        private string Names(IEnumerable<(string Key, LocalizedText Name)> items, IReadOnlyList<string> keys)
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

        private string Name(IEnumerable<(string Key, LocalizedText Name)> items, string key)
        {
            foreach (var (itemKey, name) in items)
            {
                if (string.Equals(itemKey, key, StringComparison.Ordinal))
                {
                    var text = name?.For(culture);
                    return string.IsNullOrWhiteSpace(text) ? key : text;
                }
            }
            return key;
        }
    }
}
