using System.Text;
using System.Text.RegularExpressions;
using SoftTargets.Core.Features.Methodology;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// A step text split once into literal text and placeholders, so that filling it for a site is a loop.
/// A placeholder the methodology format does not know is kept as written (a validated methodology has none).
/// </summary>
internal sealed partial class StepTextTemplate
{
    // Regex.Split with one capturing group alternates: even items are literal text, odd items placeholder names.
    private readonly string[] _parts;
    private readonly bool[] _known;

    public StepTextTemplate(string text, IReadOnlySet<string> roles)
    {
        _parts = PlaceholderPattern().Split(text ?? "");
        _known = new bool[_parts.Length];
        for (var i = 1; i < _parts.Length; i += 2)
            _known[i] = MethodologyValidator.IsKnownPlaceholder(_parts[i], roles);
    }

    /// <summary>
    /// The text for the site; adds each placeholder the site's data could not fill to <paramref name="unfilled"/> once
    /// (a zone's missing value as <c>zone.x@Zone name</c>). Zone values on a site with several zones follow the text as
    /// a list, one line per zone starting with "• ".
    /// </summary>
    public string Fill(SitePlaceholders values, bool czech, List<string> unfilled)
    {
        if (_parts.Length == 1)
            return _parts[0];
        var text = new StringBuilder();
        List<string>? zoneWise = null;
        IReadOnlyList<ZoneValue>? zones = null;
        for (var i = 0; i < _parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                text.Append(_parts[i]);
                continue;
            }
            if (!_known[i])
            {
                text.Append('{').Append(_parts[i]).Append('}');
                continue;
            }
            var fill = values.Resolve(_parts[i]);
            text.Append(czech ? fill.Text.Cs : fill.Text.En);
            if (fill.Zones is { } perZone)
            {
                zones = perZone;
                zoneWise ??= [];
                if (!zoneWise.Contains(_parts[i]))
                    zoneWise.Add(_parts[i]);
                foreach (var zone in perZone)
                {
                    if (!zone.Filled && !unfilled.Contains($"{_parts[i]}@{zone.Zone}"))
                        unfilled.Add($"{_parts[i]}@{zone.Zone}");
                }
            }
            else if (!fill.Filled && !unfilled.Contains(_parts[i]))
                unfilled.Add(_parts[i]);
        }
        for (var zone = 0; zone < (zones?.Count ?? 0); zone++)
        {
            var line = values.ZoneLine(zone, zoneWise!);
            text.Append("\n• ").Append(czech ? line.Cs : line.En);
        }
        return text.ToString();
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PlaceholderPattern();
}
