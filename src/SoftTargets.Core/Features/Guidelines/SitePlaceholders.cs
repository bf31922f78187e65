using System.Globalization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Plans;

namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// What a placeholder becomes: the site's value, or a marker and a gap saying what to add. A zone value on a site
/// with several zones reads as a reference ("each zone's assembly point (listed below)") and carries the value of
/// every zone in <see cref="Zones"/>; a zone without one is its own gap, never left out.
/// </summary>
internal sealed record PlaceholderFill(LocalizedText Text, LocalizedText? Gap, IReadOnlyList<ZoneValue>? Zones = null,
    IReadOnlyList<string>? MissingZones = null)
{
    public bool Filled => Gap is null;
}

/// <summary>One zone's value of a zone placeholder, or the marker when the zone has none.</summary>
internal sealed record ZoneValue(string Zone, LocalizedText Value, bool Filled);

/// <summary>
/// The values of step-text placeholders for one site, in English and Czech. Built for one generation and
/// used by one thread; values are computed on first use and cached.
/// </summary>
internal sealed class SitePlaceholders
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");

    private static readonly Dictionary<string, (LocalizedText Marker, LocalizedText Gap)> SiteMissing = new(StringComparer.Ordinal)
    {
        ["site.name"] = (new("[site name missing]", "[chybí název objektu]"),
            new("Add the site's name in the site profile.", "Doplňte v profilu objektu jeho název.")),
        ["site.address"] = (new("[address missing]", "[chybí adresa]"),
            new("Add the site's address in the site profile.", "Doplňte v profilu objektu jeho adresu.")),
        ["site.maxOccupancy"] = (new("[maximum occupancy missing]", "[chybí maximální obsazenost]"),
            new("Add the maximum occupancy in the site profile.", "Doplňte v profilu objektu maximální obsazenost.")),
        ["zone.name"] = (new("[zone missing]", "[chybí zóna]"),
            new("Add at least one zone to the site profile.", "Doplňte do profilu objektu alespoň jednu zónu.")),
        ["zone.assemblyPoint"] = (new("[assembly point missing]", "[chybí shromaždiště]"),
            new("Add the assembly point of each zone.", "Doplňte shromaždiště každé zóny.")),
        ["zone.invacuationRoom"] = (new("[invacuation room missing]", "[chybí místnost pro ukrytí]"),
            new("Add the invacuation room of each zone.", "Doplňte místnost pro ukrytí každé zóny.")),
        ["zone.entrances"] = (new("[entrances missing]", "[chybí vstupy]"),
            new("Add the number of entrances of each zone.", "Doplňte počet vstupů každé zóny.")),
    };

    // The zone placeholders whose value differs by zone: on a site with several zones, the text refers to a list.
    /// <summary>Whether a placeholder's value differs by zone (assembly point, invacuation room, entrances).</summary>
    public static bool IsZoneWise(string placeholder) => ZoneWise.ContainsKey(placeholder);

    /// <summary>What a zone-wise placeholder's value is, as the per-zone list after a step names it ("assembly point").</summary>
    public static LocalizedText ZoneLabel(string placeholder) => ZoneWise[placeholder].Label;

    private static readonly Dictionary<string, (LocalizedText Reference, LocalizedText Label, LocalizedText Missing)> ZoneWise = new(StringComparer.Ordinal)
    {
        ["zone.assemblyPoint"] = (new("each zone's assembly point (listed below)", "příslušné zóny (viz seznam níže)"),
            new("assembly point", "shromaždiště"), new("has no assembly point", "nemá shromaždiště")),
        ["zone.invacuationRoom"] = (new("each zone's invacuation room (listed below)", "příslušné zóny (viz seznam níže)"),
            new("invacuation room", "místnost pro ukrytí"), new("has no invacuation room", "nemá místnost pro ukrytí")),
        ["zone.entrances"] = (new("each zone's entrances (listed below)", "příslušné zóny (viz seznam níže)"),
            new("entrances", "vstupy"), new("has no entrances recorded", "nemá zapsaný počet vstupů")),
    };

    /// <summary>Whether a placeholder's value names one site (its name, its address), so no other site's text reads the same.</summary>
    public static bool NamesSite(string placeholder) => placeholder is "site.name" or "site.address";

    private static readonly PlaceholderFill NoDeputyNeeded = new(new("[no deputy named]", "[zástupce neurčen]"), null);

    private readonly SiteSnapshot _site;
    private readonly bool _deputiesRequired;
    private readonly List<ZoneSnapshot> _zones;
    private readonly Dictionary<string, ContactSnapshot> _primaries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ContactSnapshot> _deputies = new(StringComparer.Ordinal);
    private readonly ContactPlaceholders _contacts;
    private readonly Dictionary<string, PlaceholderFill> _fills = new(StringComparer.Ordinal);

    /// <param name="deputiesRequired">False for a site outside the methodology's scope: a missing deputy is then no gap.</param>
    public SitePlaceholders(SiteSnapshot site, ContactPlaceholders contacts, bool deputiesRequired = true)
    {
        _site = site;
        _deputiesRequired = deputiesRequired;
        _contacts = contacts;
        _zones = SnapshotOrder.Zones(site);
        // Sorted by name, so the first contact of a role is the first by name; a contact without a name does not count.
        foreach (var contact in SnapshotOrder.Contacts(site))
        {
            if (!string.IsNullOrWhiteSpace(contact.Name))
                (contact.IsDeputy ? _deputies : _primaries).TryAdd(contact.RoleKey, contact);
        }
    }

    public bool HasPrimary(string role) => _primaries.ContainsKey(role);

    public bool HasDeputy(string role) => _deputies.ContainsKey(role);

    /// <summary>Fills a placeholder the methodology format knows (see <c>MethodologyValidator.IsKnownPlaceholder</c>).</summary>
    public PlaceholderFill Resolve(string placeholder)
    {
        if (!_fills.TryGetValue(placeholder, out var fill))
        {
            fill = Compute(placeholder);
            _fills.Add(placeholder, fill);
        }
        return fill;
    }

    /// <summary>Whether zone values are listed per zone rather than filled in the text.</summary>
    public bool ListsZones => _zones.Count > 1;

    /// <summary>The gap for an unfilled placeholder as a step lists it: a name, or <c>zone.x@Zone name</c> for one zone's missing value.</summary>
    public GuidelineGap Gap(string unfilled)
    {
        var at = unfilled.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
            return new(GapKind.UnfilledPlaceholder, unfilled, Resolve(unfilled).Gap!);
        var (_, label, missing) = ZoneWise[unfilled[..at]];
        var zone = unfilled[(at + 1)..];
        return new(GapKind.MissingZoneData, unfilled, new(
            $"Zone “{zone}” {missing.En}: add its {label.En} to the zone in the site profile.",
            $"Zóna „{zone}“ {missing.Cs}: doplňte v profilu objektu u této zóny údaj {label.Cs}."));
    }

    private string ZoneName(int zone) => string.IsNullOrWhiteSpace(_zones[zone].Name) ? $"#{zone + 1}" : _zones[zone].Name;

    private PlaceholderFill Compute(string placeholder)
    {
        if (_zones.Count > 1 && ZoneWise.TryGetValue(placeholder, out var zoneWise))
            return ZoneValues(placeholder, zoneWise.Reference);
        if (SiteMissing.TryGetValue(placeholder, out var missing))
            return SiteValue(placeholder) is { } value ? new(value, null) : new(missing.Marker, missing.Gap);

        // contact.<role>, contact.<role>.phone or contact.<role>.deputy
        var contact = _contacts[placeholder];
        _primaries.TryGetValue(contact.Role, out var primary);
        _deputies.TryGetValue(contact.Role, out var deputy);
        return contact.Value switch
        {
            ContactValue.Phone => Fill(primary?.Phone, contact.Missing),
            ContactValue.Deputy when !_deputiesRequired && string.IsNullOrWhiteSpace(deputy?.Name) => NoDeputyNeeded,
            ContactValue.Deputy => Fill(deputy?.Name, contact.Missing),
            _ => Fill(primary?.Name, contact.Missing),
        };
    }

    private static PlaceholderFill Fill(string? value, PlaceholderFill missing) => Same(value) is { } text ? new(text, null) : missing;

    private LocalizedText? SiteValue(string placeholder) => placeholder switch
    {
        "site.name" => Same(_site.Name),
        "site.address" => Same(_site.Address),
        "site.maxOccupancy" => _site.MaxOccupancy > 0
            ? new(_site.MaxOccupancy.ToString("N0", English), _site.MaxOccupancy.ToString("N0", Czech))
            : null,
        "zone.name" => ZoneNames(),
        "zone.assemblyPoint" => PerZone(z => Same(z.AssemblyPoint)),
        "zone.invacuationRoom" => PerZone(z => Same(z.InvacuationRoom)),
        "zone.entrances" => Entrances(),
        _ => null,
    };

    private LocalizedText? ZoneNames()
    {
        var names = _zones.Where(z => !string.IsNullOrWhiteSpace(z.Name)).Select(z => z.Name).ToList();
        return names.Count == 0 ? null : Same(string.Join(", ", names));
    }

    /// <summary>The value of the only zone; null without zones (several zones are filled by <see cref="ZoneValues"/>).</summary>
    private LocalizedText? PerZone(Func<ZoneSnapshot, LocalizedText?> valueOf) => _zones.Count == 1 ? valueOf(_zones[0]) : null;

    /// <summary>Every zone's value in zone order, the marker for a zone without one.</summary>
    private PlaceholderFill ZoneValues(string placeholder, LocalizedText reference)
    {
        var marker = SiteMissing[placeholder].Marker;
        var values = new ZoneValue[_zones.Count];
        List<string>? missing = null;
        for (var i = 0; i < values.Length; i++)
        {
            var zone = _zones[i];
            var value = placeholder switch
            {
                "zone.assemblyPoint" => Same(zone.AssemblyPoint),
                "zone.invacuationRoom" => Same(zone.InvacuationRoom),
                _ => zone.Entrances > 0 ? new(zone.Entrances.ToString("N0", English), zone.Entrances.ToString("N0", Czech)) : null,
            };
            values[i] = new(ZoneName(i), value ?? marker, value is not null);
            if (value is null)
                (missing ??= []).Add($"{placeholder}@{values[i].Zone}");
        }
        return new(reference, null, values, missing);
    }

    // The site knows how many entrances a zone has, not their names. The step texts read "close {zone.entrances}"
    // and "zavřete vstupy {zone.entrances}", so English gets "3 entrances" and Czech the count in brackets.
    private LocalizedText? Entrances()
    {
        var counts = PerZone(z => z.Entrances > 0
            ? new(Texts.Plural.Format(English, EntrancesPattern, z.Entrances), z.Entrances.ToString("N0", Czech))
            : null);
        return counts is null ? null : counts with { Cs = $"({counts.Cs})" };
    }

    private const string EntrancesPattern = "{0, plural, one {# entrance} other {# entrances}}";

    private static LocalizedText? Same(string? value) => string.IsNullOrWhiteSpace(value) ? null : new(value, value);
}
