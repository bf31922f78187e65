using System.Globalization;
using System.Text;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology.Rules;

/// <summary>
/// The words of rule reasons: true statements about a site, in English and Czech, and the sentences
/// built from them. Display names come from the document's catalogues and fall back to the key.
/// </summary>
internal sealed class RuleTexts
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");

    public static LocalizedText EverySite { get; } = new("Applies to every site.", "Platí pro každý objekt.");
    public static LocalizedText NoCondition { get; } = new("no condition", "bez podmínky");
    public static LocalizedText NoTiers { get; } =
        new("No tier: the methodology defines no tiers.", "Bez úrovně: metodika nedefinuje žádné úrovně.");

    private readonly Dictionary<string, LocalizedText> _venueTypes;
    private readonly Dictionary<string, LocalizedText> _attributes;
    private readonly Dictionary<string, LocalizedText> _threatTypes;
    private readonly Dictionary<string, LocalizedText> _tiers;
    private readonly Dictionary<string, LocalizedText> _notAssessed = new(StringComparer.Ordinal);

    public RuleTexts(MethodologyDocument document)
    {
        _venueTypes = Names(document.VenueTypes.Select(i => (i.Key, i.Name)));
        _attributes = Names(document.Attributes.Select(i => (i.Key, i.Name)));
        _threatTypes = Names(document.ThreatTypes.Select(i => (i.Key, i.Name)));
        _tiers = Names(document.Tiers.Select(t => (t.Key, t.Name)));
        // Risk rules name many threats a site has not assessed: say each once, built ahead.
        foreach (var (key, name) in _threatTypes)
            _notAssessed[key] = NotAssessed(name);
    }

    private static LocalizedText NotAssessed(LocalizedText name) => new($"{name.En} is not assessed", $"hrozba {name.Cs} není posouzena");

    public LocalizedText VenueType(string venueType, IReadOnlyList<string> listed, bool holds)
    {
        var name = Name(_venueTypes, venueType);
        return holds
            ? new($"venue type is {name.En}", $"typ objektu je {name.Cs}")
            : new($"venue type {name.En} is not one of {JoinNames(_venueTypes, listed, false)}",
                $"typ objektu {name.Cs} není {JoinNames(_venueTypes, listed, true)}");
    }

    /// <summary>
    /// When the node holds, every comparison holds and all are listed; when it fails, only the failing
    /// ones are, each as the comparison that is true instead ("650 &lt; 800" for a failed "gte 800").
    /// </summary>
    public static LocalizedText Occupancy(NumberComparison comparison, int occupancy, bool holds)
    {
        var en = new StringBuilder("occupancy ").Append(Number(occupancy, English));
        var cs = new StringBuilder("obsazenost ").Append(Number(occupancy, Czech));
        var first = true;
        Add(comparison.Gte, occupancy >= comparison.Gte, "≥", "<");
        Add(comparison.Gt, occupancy > comparison.Gt, ">", "≤");
        Add(comparison.Lte, occupancy <= comparison.Lte, "≤", ">");
        Add(comparison.Lt, occupancy < comparison.Lt, "<", "≥");
        return new(en.ToString(), cs.ToString());

        void Add(int? limit, bool held, string symbol, string opposite)
        {
            if (limit is not { } l || (!holds && held))
                return;
            var shown = held ? symbol : opposite;
            en.Append(first ? " " : " and ").Append(shown).Append(' ').Append(Number(l, English));
            cs.Append(first ? " " : " a ").Append(shown).Append(' ').Append(Number(l, Czech));
            first = false;
        }
    }

    /// <summary>Reads like <see cref="Occupancy"/> for an event; the venue without an event is said to have none.</summary>
    public static LocalizedText Attendance(NumberComparison comparison, int? attendance, bool holds)
    {
        if (attendance is not { } a)
            return new("there is no event (attendance applies to events only)", "nejde o akci (návštěvnost akce platí jen pro akce)");
        var occupancy = Occupancy(comparison, a, holds);
        return new("event attendance" + occupancy.En["occupancy".Length..], "návštěvnost akce" + occupancy.Cs["obsazenost".Length..]);
    }

    public LocalizedText Attribute(string attribute, bool holds)
    {
        var name = Name(_attributes, attribute);
        return holds
            ? new($"attribute “{name.En}” is set", $"vlastnost „{name.Cs}“ je nastavena")
            : new($"attribute “{name.En}” is not set", $"vlastnost „{name.Cs}“ není nastavena");
    }

    // Czech names the threat after "hrozba" (feminine) so the verb agrees whatever the threat's own name is.
    public LocalizedText Threat(ThreatCondition threat, int? risk, bool holds)
    {
        if (risk is not { } r)
            return _notAssessed.TryGetValue(threat.Type, out var said) ? said : NotAssessed(Name(_threatTypes, threat.Type));
        var name = Name(_threatTypes, threat.Type);
        // The assessed risk and the threshold are both named, so the reason says why a heavy measure applies.
        if (threat.RiskAtLeast is not { } least)
            return new($"{name.En} is assessed at risk {r}", $"hrozba {name.Cs} je posouzena s rizikem {r}");
        return holds
            ? new($"{name.En} is assessed at risk {r} (at least {least})", $"hrozba {name.Cs} je posouzena s rizikem {r} (alespoň {least})")
            : new($"{name.En} is assessed at risk {r}, below {least}", $"hrozba {name.Cs} je posouzena s rizikem {r}, nižším než {least}");
    }

    public LocalizedText Tier(string? tier, IReadOnlyList<string> listed, bool holds)
    {
        if (tier is null)
            return new("the site has no tier", "objekt nemá úroveň");
        var name = Name(_tiers, tier);
        return holds
            ? new($"tier is {name.En}", $"úroveň je {name.Cs}")
            : new($"tier {name.En} is not one of {JoinNames(_tiers, listed, false)}",
                $"úroveň {name.Cs} není {JoinNames(_tiers, listed, true)}");
    }

    public static LocalizedText Reason(bool holds, List<LocalizedText> statements) => new(
        $"{(holds ? "Applies because" : "Excluded because")} {Join(statements, false)}.",
        $"{(holds ? "Platí, protože" : "Neplatí, protože")} {Join(statements, true)}.");

    public LocalizedText TierReason(string tier, List<LocalizedText> statements)
    {
        var name = Name(_tiers, tier);
        return new($"Tier {name.En} because {Join(statements, false)}.",
            $"Úroveň {name.Cs}, protože {Join(statements, true)}.");
    }

    /// <summary>"No tier: not Enhanced because …; not Standard because …."</summary>
    public LocalizedText NoTierReason(IReadOnlyList<(string Tier, List<LocalizedText> Statements)> failed)
    {
        var en = new StringBuilder("No tier: ");
        var cs = new StringBuilder("Bez úrovně: ");
        for (var i = 0; i < failed.Count; i++)
        {
            var name = Name(_tiers, failed[i].Tier);
            var separator = i == 0 ? "" : "; ";
            en.Append(separator).Append($"not {name.En} because {Join(failed[i].Statements, false)}");
            cs.Append(separator).Append($"není {name.Cs}, protože {Join(failed[i].Statements, true)}");
        }
        return new(en.Append('.').ToString(), cs.Append('.').ToString());
    }

    /// <summary>The statements joined by "and"; one that two branches of a rule both give is said once.</summary>
    private static string Join(List<LocalizedText> statements, bool czech)
    {
        var text = new StringBuilder();
        for (var i = 0; i < statements.Count; i++)
        {
            if (statements.IndexOf(statements[i]) < i)
                continue;
            if (text.Length > 0)
                text.Append(czech ? " a " : " and ");
            text.Append(czech ? statements[i].Cs : statements[i].En);
        }
        return text.ToString();
    }

    /// <summary>English "Stadium, Sports hall"; Czech "Stadion ani Sportovní hala" (it follows "není").</summary>
    private static string JoinNames(Dictionary<string, LocalizedText> names, IReadOnlyList<string> keys, bool czech)
    {
        var text = new StringBuilder();
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0)
                text.Append(czech && i == keys.Count - 1 ? " ani " : ", ");
            var name = Name(names, keys[i]);
            text.Append(czech ? name.Cs : name.En);
        }
        return text.ToString();
    }

    private static string Number(int value, CultureInfo culture) => value.ToString("N0", culture);

    private static LocalizedText Name(Dictionary<string, LocalizedText> names, string? key) =>
        key is not null && names.TryGetValue(key, out var name) ? name : new(key ?? "", key ?? "");

    // A deserialised document may hold nulls its types do not admit; it must not crash the evaluator.
    // The first entry wins on a duplicated key; a missing translation falls back to English, then to the key.
    private static Dictionary<string, LocalizedText> Names(IEnumerable<(string Key, LocalizedText Name)> items)
    {
        var names = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (var (key, name) in items)
        {
            if (key is null)
                continue;
            var en = string.IsNullOrWhiteSpace(name?.En) ? key : name.En;
            var cs = string.IsNullOrWhiteSpace(name?.Cs) ? en : name.Cs;
            names.TryAdd(key, new(en, cs));
        }
        return names;
    }
}
