using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Runtime.CompilerServices;
using SoftTargets.Core.Domain.Methodology;

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

    private static readonly ConditionalWeakTable<IReadOnlyList<CatalogItem>, Dictionary<string, string>> RegionsByFoldedName = [];

    /// <summary>
    /// Reads a region of the methodology written as its key (Jihomoravsky, Scotland) or either of its names
    /// (Jihomoravský kraj, South Moravian); case, diacritics and repeated spaces do not matter.
    /// </summary>
    public static bool TryParseRegion(string text, IReadOnlyList<CatalogItem> regions, out string region)
    {
        var byName = RegionsByFoldedName.GetValue(regions, static items => items
            .SelectMany(r => new[] { r.Key, r.Name.En, r.Name.Cs }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(name => (Name: Fold(name), r.Key)))
            .DistinctBy(r => r.Name)
            .ToDictionary(r => r.Name, r => r.Key));
        region = byName.GetValueOrDefault(Fold(text)) ?? "";
        return region.Length > 0;
    }

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
