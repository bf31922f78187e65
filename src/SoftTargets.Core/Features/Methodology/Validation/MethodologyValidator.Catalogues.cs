using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology;

// The head of the document and its catalogues: code, languages, title, roles, venue and threat types,
// attributes, regions, measure categories, and the rules that make a role required.
public static partial class MethodologyValidator
{
    private static void CheckCode(string? code, DocumentCheck check)
    {
        if (code is not null && !CatalogKey().IsMatch(code))
            check.Add("$.methodology", $"The methodology code '{code}' must be lower-case words joined by '-'.",
                $"Kód metodiky '{code}' musí být slova malými písmeny spojená znakem '-'.");
    }

    private static void CheckLanguagesAndTitle(MethodologyDocument document, DocumentCheck check)
    {
        check.DeclareLanguages(document.Languages);
        check.Text(document.Title, "$.title");
    }

    /// <summary>Roles, venue types, threat types and attributes: unique lower-case keys with a name; only roles may be required.</summary>
    private static void CheckCatalogues(MethodologyDocument document, DocumentCheck check)
    {
        var catalogues = new (string Name, IReadOnlyList<CatalogItem> Items)[]
        {
            ("roles", document.Roles), ("venueTypes", document.VenueTypes), ("threatTypes", document.ThreatTypes), ("attributes", document.Attributes),
        };
        foreach (var (name, items) in catalogues)
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"$.{name}[{i}]";
                if (!CatalogKey().IsMatch(items[i].Key))
                    check.Add($"{path}.key", $"The key '{items[i].Key}' must be lower-case words joined by '-'.", $"Klíč '{items[i].Key}' musí být slova malými písmeny spojená znakem '-'.");
                if (!seen.Add(items[i].Key))
                    check.Add($"{path}.key", $"The key '{items[i].Key}' is used twice in {name}.", $"Klíč '{items[i].Key}' je v {name} použit dvakrát.");
                check.Text(items[i].Name, $"{path}.name");
                if (name != "roles")
                    CheckNotRequired(items[i], path, check);
            }
        }
    }

    private static void CheckRegionsAndCategories(MethodologyDocument document, DocumentCheck check)
    {
        CheckNamedKeys(document.Regions, "regions", "region", "kraj", check);
        CheckNamedKeys(document.MeasureCategories, "measureCategories", "measure category", "kategorie opatření", check);
        if (document.Regions.Count == 0)
            check.Add("$.regions", "Name at least one region: every site is in one of the methodology's regions.",
                "Uveďte alespoň jeden kraj: každý objekt leží v jednom z krajů metodiky.");
    }

    /// <summary>The regions and measure categories: unique keys of letters and digits (the keys stored before, e.g. <c>Praha</c>) with a name.</summary>
    private static void CheckNamedKeys(IReadOnlyList<CatalogItem> items, string name, string en, string cs, DocumentCheck check)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.{name}[{i}]";
            var key = items[i].Key ?? "";
            if (!NamedKey().IsMatch(key) || key.Length > MaxNamedKeyLength)
                check.Add($"{path}.key", $"The {en} key '{key}' must be letters and digits (words may be joined by '-'), at most {MaxNamedKeyLength} characters, e.g. Praha.",
                    $"Klíč ({cs}) '{key}' musí být písmena a číslice (slova lze spojit znakem '-'), nejvýše {MaxNamedKeyLength} znaků, např. Praha.");
            else if (!seen.Add(key))
                check.Add($"{path}.key", $"The key '{key}' is used twice in {name}.", $"Klíč '{key}' je v {name} použit dvakrát.");
            check.Text(items[i].Name, $"{path}.name");
            CheckNotRequired(items[i], path, check);
        }
    }

    private static void CheckNotRequired(CatalogItem item, string path, DocumentCheck check)
    {
        if (item.Required || item.RequiredWhen is not null)
            check.Add($"{path}.required", "Only roles can be required: remove 'required' and 'requiredWhen' here.",
                "Povinné mohou být jen role: odstraňte zde 'required' a 'requiredWhen'.");
    }

    private static void CheckRoleRules(MethodologyDocument document, DocumentCheck check)
    {
        for (var i = 0; i < document.Roles.Count; i++)
        {
            if (document.Roles[i].RequiredWhen is { } requiredWhen)
                check.Rule(requiredWhen, $"$.roles[{i}].requiredWhen");
        }
    }
}
