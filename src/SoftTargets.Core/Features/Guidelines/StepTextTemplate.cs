using System.Text.RegularExpressions;
using SoftTargets.Core.Features.Methodology;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// A step text split once into literal text and placeholders, so that filling it for a site is a loop.
/// A placeholder the methodology format does not know is kept as written (a validated methodology has none). A text
/// without placeholders is the methodology's own string; a filled text that names no site (no name or address) comes
/// from the generator's <see cref="FilledTexts"/>, shared with every site it reads the same for.
/// </summary>
internal sealed partial class StepTextTemplate
{
    // Regex.Split with one capturing group alternates: even items are literal text, odd items placeholder names.
    private readonly string[] _parts;
    private readonly bool[] _known;

    // The zone placeholders whose values follow the text as a per-zone list on a site with several zones.
    private readonly string[] _zoneWise;

    // Null when the text names the site: no other site shares it.
    private readonly FilledTexts? _filledTexts;

    public StepTextTemplate(string text, IReadOnlySet<string> roles, FilledTexts filledTexts)
    {
        _parts = PlaceholderPattern().Split(text ?? "");
        _known = new bool[_parts.Length];
        var zoneWise = new List<string>();
        for (var i = 1; i < _parts.Length; i += 2)
        {
            _known[i] = MethodologyValidator.IsKnownPlaceholder(_parts[i], roles);
            if (_known[i] && SitePlaceholders.IsZoneWise(_parts[i]) && !zoneWise.Contains(_parts[i]))
                zoneWise.Add(_parts[i]);
        }
        _zoneWise = [.. zoneWise];
        var namesSite = false;
        for (var i = 1; i < _parts.Length; i += 2)
            namesSite |= _known[i] && SitePlaceholders.NamesSite(_parts[i]);
        _filledTexts = namesSite ? null : filledTexts;
    }

    /// <summary>
    /// The text for the site; adds each placeholder the site's data could not fill to <paramref name="unfilled"/> once
    /// (a zone's missing value as <c>zone.x@Zone name</c>). Zone values on a site with several zones follow the text as
    /// a list, one line per zone starting with "• ".
    /// </summary>
    /// <param name="shared">Whether the text is the one instance every site it reads the same for gets.</param>
    public string Fill(SitePlaceholders values, bool czech, List<string> unfilled, out bool shared)
    {
        shared = true;
        if (_parts.Length == 1)
            return _parts[0];
        // One buffer per thread, kept between texts: at most the filled text itself is allocated.
        var text = t_buffer ??= new TextBuffer();
        text.Clear();
        for (var i = 0; i < _parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                text.Append(_parts[i]);
                continue;
            }
            if (!_known[i])
            {
                text.Append('{');
                text.Append(_parts[i]);
                text.Append('}');
                continue;
            }
            var fill = values.Resolve(_parts[i]);
            text.Append(czech ? fill.Text.Cs : fill.Text.En);
            if (fill.MissingZones is { } missingZones)
            {
                for (var z = 0; z < missingZones.Count; z++)
                {
                    if (!unfilled.Contains(missingZones[z]))
                        unfilled.Add(missingZones[z]);
                }
            }
            if (!fill.Filled && !unfilled.Contains(_parts[i]))
                unfilled.Add(_parts[i]);
        }
        if (_zoneWise.Length > 0 && values.ListsZones)
            AppendZoneLines(text, values, czech);
        shared = false;
        var filled = _filledTexts is { } texts ? texts.Get(text.Text, out shared) : new string(text.Text);
        if (text.Capacity > 16 * 1024)
            t_buffer = null;
        return filled;
    }

    /// <summary>
    /// The per-zone list that follows a step using zone placeholders, e.g. "\n• North stand – assembly point: Car park P2;
    /// entrances: 2" for each zone.
    /// </summary>
    private void AppendZoneLines(TextBuffer text, SitePlaceholders values, bool czech)
    {
        var zones = values.Resolve(_zoneWise[0]).Zones!;
        for (var zone = 0; zone < zones.Count; zone++)
        {
            text.Append("\n• ");
            text.Append(zones[zone].Zone);
            text.Append(" – ");
            for (var i = 0; i < _zoneWise.Length; i++)
            {
                if (i > 0)
                    text.Append("; ");
                var label = SitePlaceholders.ZoneLabel(_zoneWise[i]);
                var value = values.Resolve(_zoneWise[i]).Zones![zone].Value;
                text.Append(czech ? label.Cs : label.En);
                text.Append(": ");
                text.Append(czech ? value.Cs : value.En);
            }
        }
    }

    [ThreadStatic]
    private static TextBuffer? t_buffer;

    /// <summary>One text assembled at a time, in a char array grown as needed and kept for the next.</summary>
    private sealed class TextBuffer
    {
        private char[] _chars = new char[1024];
        private int _length;

        public ReadOnlySpan<char> Text => _chars.AsSpan(0, _length);

        public int Capacity => _chars.Length;

        public void Clear() => _length = 0;

        public void Append(char c)
        {
            Reserve(1);
            _chars[_length++] = c;
        }

        public void Append(string? text)
        {
            if (string.IsNullOrEmpty(text))
                return;
            Reserve(text.Length);
            text.CopyTo(_chars.AsSpan(_length));
            _length += text.Length;
        }

        private void Reserve(int more)
        {
            if (_length + more > _chars.Length)
                Array.Resize(ref _chars, Math.Max(2 * _chars.Length, _length + more));
        }
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PlaceholderPattern();
}
