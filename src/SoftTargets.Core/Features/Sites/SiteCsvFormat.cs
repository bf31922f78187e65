using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SoftTargets.Core.Domain.Organizations;

namespace SoftTargets.Core.Features.Sites;

/// <summary>The formats of the site CSV file (docs/site-csv.md): columns, separator, regions, numbers and lists.</summary>
internal static partial class SiteCsvFormat
{
    /// <summary>The column names, as the header spells them (matched ignoring case).</summary>
    public static class Column
    {
        public const string Name = "name";
        public const string Address = "address";
        public const string Region = "region";
        public const string VenueType = "venueType";
        public const string MaxOccupancy = "maxOccupancy";
        public const string DailyVisitors = "dailyVisitors";
        public const string OpeningHours = "openingHours";
        public const string Attributes = "attributes";
        public const string Methodology = "methodology";
    }

    public const int MaxSites = 10_000;

    /// <summary>The database column sizes that <see cref="Domain.Sites.SiteProfile.Validate"/> does not check.</summary>
    public const int MaxAddressLength = 500;
    public const int MaxOpeningHoursLength = 500;

    public static readonly IReadOnlyList<string> Columns =
        [Column.Name, Column.Address, Column.Region, Column.VenueType, Column.MaxOccupancy, Column.DailyVisitors, Column.OpeningHours, Column.Attributes, Column.Methodology];

    public static readonly IReadOnlyList<string> RequiredColumns = [Column.Name, Column.Address, Column.Region, Column.VenueType, Column.MaxOccupancy];

    /// <summary>The official Czech name of each region and its short form.</summary>
    public static readonly IReadOnlyDictionary<Region, (string Official, string Short)> RegionNames = new Dictionary<Region, (string, string)>
    {
        [Region.Praha] = ("Hlavní město Praha", "Praha"),
        [Region.Stredocesky] = ("Středočeský kraj", "Středočeský"),
        [Region.Jihocesky] = ("Jihočeský kraj", "Jihočeský"),
        [Region.Plzensky] = ("Plzeňský kraj", "Plzeňský"),
        [Region.Karlovarsky] = ("Karlovarský kraj", "Karlovarský"),
        [Region.Ustecky] = ("Ústecký kraj", "Ústecký"),
        [Region.Liberecky] = ("Liberecký kraj", "Liberecký"),
        [Region.Kralovehradecky] = ("Královéhradecký kraj", "Královéhradecký"),
        [Region.Pardubicky] = ("Pardubický kraj", "Pardubický"),
        [Region.Vysocina] = ("Kraj Vysočina", "Vysočina"),
        [Region.Jihomoravsky] = ("Jihomoravský kraj", "Jihomoravský"),
        [Region.Olomoucky] = ("Olomoucký kraj", "Olomoucký"),
        [Region.Zlinsky] = ("Zlínský kraj", "Zlínský"),
        [Region.Moravskoslezsky] = ("Moravskoslezský kraj", "Moravskoslezský"),
    };

    /// <summary>Every accepted spelling, folded: the enum name and both Czech names, without diacritics and case.</summary>
    private static readonly Dictionary<string, Region> RegionsByFoldedName = RegionNames
        .SelectMany(r => new[] { r.Key.ToString(), r.Value.Official, r.Value.Short }.Select(name => (Name: Fold(name), Region: r.Key)))
        .DistinctBy(r => r.Name)
        .ToDictionary(r => r.Name, r => r.Region);

    /// <summary>
    /// Reads a region written as the enum name (Jihomoravsky) or the Czech name, official or short
    /// (Jihomoravský kraj, Jihomoravský); case, diacritics and repeated spaces do not matter.
    /// </summary>
    public static bool TryParseRegion(string text, out Region region) => RegionsByFoldedName.TryGetValue(Fold(text), out region);

    /// <summary>
    /// Reads a whole number, optionally negative, with spaces (also no-break spaces) as thousands
    /// separators: "1200", "1 200". Values beyond <see cref="int"/> are clamped so that range checks reject them.
    /// </summary>
    public static bool TryParseWholeNumber(string text, out int value)
    {
        value = 0;
        var normalized = text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (!WholeNumber().IsMatch(normalized)) return false;
        var digits = normalized.Replace(" ", "");
        value = long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? (int)Math.Clamp(number, int.MinValue, int.MaxValue)
            : digits.StartsWith('-') ? int.MinValue : int.MaxValue;
        return true;
    }

    /// <summary>Attribute keys separated by ';' or '|', trimmed, empty entries dropped.</summary>
    public static string[] SplitList(string text) =>
        text.Split([';', '|'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>';' when the header line has more semicolons than commas (outside quotes), otherwise ','.</summary>
    public static char DetectSeparator(ReadOnlySpan<byte> csv)
    {
        var start = 0;
        while (start < csv.Length && csv[start] is (byte)'\r' or (byte)'\n') start++;
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var b in csv[start..])
        {
            if (b == '"') quoted = !quoted;
            else if (quoted) continue;
            else if (b is (byte)'\r' or (byte)'\n') break;
            else if (b == ',') commas++;
            else if (b == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    private static string Fold(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var decomposed = string.Join(' ', words).Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(c));
        return folded.ToString();
    }

    [GeneratedRegex("^-?([0-9]{1,3}( [0-9]{3})+|[0-9]+)$")]
    private static partial Regex WholeNumber();
}
