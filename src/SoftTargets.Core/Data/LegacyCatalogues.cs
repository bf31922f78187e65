using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Data;

/// <summary>
/// Methodology versions stored before regions and measure categories were catalogues of the methodology
/// followed the Czech regions and the seven categories every site and measure then had: reading such a
/// version gives it those, so its sites and plans keep their names. Anything written since carries its own.
/// </summary>
internal static class LegacyCatalogues
{
    public static IReadOnlyList<CatalogItem> Regions { get; } =
    [
        new("Praha", new("Prague", "Hlavní město Praha")),
        new("Stredocesky", new("Central Bohemian", "Středočeský kraj")),
        new("Jihocesky", new("South Bohemian", "Jihočeský kraj")),
        new("Plzensky", new("Plzeň", "Plzeňský kraj")),
        new("Karlovarsky", new("Karlovy Vary", "Karlovarský kraj")),
        new("Ustecky", new("Ústí nad Labem", "Ústecký kraj")),
        new("Liberecky", new("Liberec", "Liberecký kraj")),
        new("Kralovehradecky", new("Hradec Králové", "Královéhradecký kraj")),
        new("Pardubicky", new("Pardubice", "Pardubický kraj")),
        new("Vysocina", new("Vysočina", "Kraj Vysočina")),
        new("Jihomoravsky", new("South Moravian", "Jihomoravský kraj")),
        new("Olomoucky", new("Olomouc", "Olomoucký kraj")),
        new("Zlinsky", new("Zlín", "Zlínský kraj")),
        new("Moravskoslezsky", new("Moravian-Silesian", "Moravskoslezský kraj")),
    ];

    public static IReadOnlyList<CatalogItem> MeasureCategories { get; } =
    [
        new("Governance", new("Governance", "Řízení")),
        new("Detection", new("Detection", "Detekce")),
        new("AccessControl", new("Access control and delay", "Kontrola vstupu a zdržení")),
        new("Response", new("Response", "Reakce")),
        new("Recovery", new("Recovery", "Obnova")),
        new("Training", new("Training", "Výcvik")),
        new("Communication", new("Communication", "Komunikace")),
    ];

    public static MethodologyDocument Complete(MethodologyDocument document) =>
        document.Regions.Count > 0 && document.MeasureCategories.Count > 0 ? document : document with
        {
            Regions = document.Regions.Count > 0 ? document.Regions : Regions,
            MeasureCategories = document.MeasureCategories.Count > 0 ? document.MeasureCategories : MeasureCategories,
        };
}
