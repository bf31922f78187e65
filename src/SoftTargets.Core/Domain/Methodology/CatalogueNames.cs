using System.Globalization;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Methodology;

/// <summary>
/// The one place a region or measure category key becomes the name people read: the methodology's catalogue
/// in the reader's language, else its other language, else the key itself (a key no catalogue names any more).
/// </summary>
public sealed class CatalogueNames
{
    private readonly Dictionary<string, LocalizedText> regions;
    private readonly Dictionary<string, LocalizedText> categories;

    private CatalogueNames(IReadOnlyList<CatalogItem> regionItems, IReadOnlyList<CatalogItem> categoryItems)
    {
        Regions = regionItems;
        MeasureCategories = categoryItems;
        regions = ByKey(regionItems);
        categories = ByKey(categoryItems);
    }

    public static CatalogueNames None { get; } = new([], []);

    /// <summary>The regions in the order the methodology lists them.</summary>
    public IReadOnlyList<CatalogItem> Regions { get; }

    /// <summary>The measure categories in the order the methodology lists them.</summary>
    public IReadOnlyList<CatalogItem> MeasureCategories { get; }

    public static CatalogueNames Of(MethodologyDocument? document) =>
        document is null ? None : new(document.Regions, document.MeasureCategories);

    /// <summary>Both methodologies' entries; where both have a key, this one's name wins.</summary>
    public CatalogueNames With(CatalogueNames other) =>
        new([.. Regions.Concat(other.Regions).DistinctBy(r => r.Key)], [.. MeasureCategories.Concat(other.MeasureCategories).DistinctBy(c => c.Key)]);

    public LocalizedText Region(string? key) => Name(regions, key);

    public LocalizedText Category(string? key) => Name(categories, key);

    public string Region(string? key, CultureInfo culture) => Region(key).For(culture);

    public string Category(string? key, CultureInfo culture) => Category(key).For(culture);

    /// <summary>Where in the methodology's order the category comes (unknown keys last), for grouping measures.</summary>
    public int CategoryOrder(string? key)
    {
        for (var i = 0; i < MeasureCategories.Count; i++)
            if (string.Equals(MeasureCategories[i].Key, key, StringComparison.OrdinalIgnoreCase)) return i;
        return int.MaxValue;
    }

    private static LocalizedText Name(Dictionary<string, LocalizedText> names, string? key)
    {
        key ??= "";
        if (names.TryGetValue(key, out var name) && (name.En.Length > 0 || name.Cs.Length > 0))
            return new LocalizedText(name.En.Length > 0 ? name.En : name.Cs, name.Cs.Length > 0 ? name.Cs : name.En);
        return new LocalizedText(key, key);
    }

    /// <summary>Keys of plans written before the catalogues existed (e.g. <c>AccessControl</c>) match whatever case the catalogue uses.</summary>
    private static Dictionary<string, LocalizedText> ByKey(IEnumerable<CatalogItem> items)
    {
        var byKey = new Dictionary<string, LocalizedText>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items) byKey.TryAdd(item.Key, item.Name);
        return byKey;
    }
}
