using System.Text.Json;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Library;

namespace SoftTargets.Core.Features.Methodology.Diff;

/// <summary>
/// Compares two methodology documents item by item, matching items by their stable keys. Field values
/// are compared by their JSON form, because the records hold lists, which records compare by reference.
/// </summary>
public static class MethodologyDiff
{
    public static MethodologyDiffResult Compare(MethodologyDocument older, MethodologyDocument newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var entries = new List<DiffEntry>();

        CompareCatalogue(entries, "roles", older.Roles, newer.Roles);
        CompareCatalogue(entries, "venueTypes", older.VenueTypes, newer.VenueTypes);
        CompareCatalogue(entries, "threatTypes", older.ThreatTypes, newer.ThreatTypes);
        CompareCatalogue(entries, "attributes", older.Attributes, newer.Attributes);
        CompareCatalogue(entries, "regions", older.Regions, newer.Regions);
        CompareCatalogue(entries, "measureCategories", older.MeasureCategories, newer.MeasureCategories);

        var movedTiers = MovedTiers(older.Tiers, newer.Tiers);
        CompareItems(entries, DiffArea.Tier, older.Tiers, newer.Tiers, t => t.Key, t => t.Name, (o, n) =>
            ChangedFields(("name", o.Name, n.Name), ("when", o.When, n.When))
                .Concat(movedTiers.TryGetValue(n.Key, out var moved) ? [new FieldChange("order", null, moved.Before, moved.After)] : []));

        CompareItems(entries, DiffArea.Measure, older.Measures, newer.Measures, m => m.Key, m => m.Title, (o, n) =>
            ChangedFields(
                ("category", o.Category, n.Category),
                ("priority", o.Priority, n.Priority),
                ("role", o.Role, n.Role),
                ("reviewMonths", o.ReviewMonths, n.ReviewMonths),
                ("title", o.Title, n.Title),
                ("guidance", o.Guidance, n.Guidance),
                ("evidence", o.Evidence, n.Evidence),
                ("appliesWhen", o.AppliesWhen, n.AppliesWhen),
                ("variants", o.Variants, n.Variants)));

        CompareItems(entries, DiffArea.Question, older.Questions, newer.Questions, q => q.Key, q => q.Text, (o, n) =>
            ChangedFields(("category", o.Category, n.Category), ("text", o.Text, n.Text), ("levels", o.Levels, n.Levels)));

        // Playbooks have no text of their own: they are shown by their threat's name.
        CompareItems(entries, DiffArea.Playbook, older.Playbooks, newer.Playbooks, p => p.Key,
            p => ThreatName(newer, p.Threat) ?? ThreatName(older, p.Threat) ?? new LocalizedText(p.Key, p.Key),
            (o, n) => ChangedFields(("threat", o.Threat, n.Threat)));

        CompareItems(entries, DiffArea.Step, Steps(older), Steps(newer), s => s.Step.Key, s => s.Step.Text, (o, n) =>
            ChangedFields(
                ("phase", o.Step.Phase, n.Step.Phase),
                ("procedure", o.Step.Procedure, n.Step.Procedure),
                ("role", o.Step.Role, n.Step.Role),
                ("targetMinutes", o.Step.TargetMinutes, n.Step.TargetMinutes),
                ("text", o.Step.Text, n.Step.Text),
                ("when", o.Step.When, n.Step.When),
                ("playbook", o.Playbook, n.Playbook)));

        CompareScope(entries, older.Scope, newer.Scope);

        return new MethodologyDiffResult(entries
            .OrderBy(e => e.Area)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList());
    }

    private static readonly LocalizedText ScopeTitle = new("Scope of the methodology", "Působnost metodiky");

    private static void CompareScope(List<DiffEntry> entries, MethodologyScope? older, MethodologyScope? newer)
    {
        if (older is null && newer is null) return;
        if (older is null || newer is null)
        {
            entries.Add(new DiffEntry(DiffArea.Scope, older is null ? ChangeKind.Added : ChangeKind.Removed, "scope", ScopeTitle, []));
            return;
        }
        if (ChangedFields(("when", older.When, newer.When), ("baseline", older.Baseline, newer.Baseline)).ToList() is { Count: > 0 } changes)
            entries.Add(Changed(DiffArea.Scope, "scope", ScopeTitle, changes));
    }

    private static void CompareCatalogue(List<DiffEntry> entries, string catalogue, IReadOnlyList<CatalogItem> older, IReadOnlyList<CatalogItem> newer) =>
        CompareItems(entries, DiffArea.Catalogue, older, newer, c => $"{catalogue}:{c.Key}", c => c.Name,
            (o, n) => ChangedFields(("name", o.Name, n.Name)));

    /// <summary>Adds Added, Removed and Changed entries; with a duplicated key the first item counts.</summary>
    private static void CompareItems<T>(
        List<DiffEntry> entries, DiffArea area, IEnumerable<T> older, IEnumerable<T> newer,
        Func<T, string> key, Func<T, LocalizedText> title, Func<T, T, IEnumerable<FieldChange>> changedFields)
    {
        var olderByKey = ByKey(older, key);
        var newerByKey = ByKey(newer, key);
        foreach (var (k, n) in newerByKey)
        {
            if (!olderByKey.TryGetValue(k, out var o))
                entries.Add(new DiffEntry(area, ChangeKind.Added, k, title(n), []));
            else if (changedFields(o, n).ToList() is { Count: > 0 } changes)
                entries.Add(Changed(area, k, title(n), changes));
        }
        foreach (var (k, o) in olderByKey)
        {
            if (!newerByKey.ContainsKey(k))
                entries.Add(new DiffEntry(area, ChangeKind.Removed, k, title(o), []));
        }
    }

    private static DiffEntry Changed(DiffArea area, string key, LocalizedText title, IReadOnlyList<FieldChange> changes) =>
        new(area, ChangeKind.Changed, key, title, changes.Select(c => c.Field).Distinct().ToList()) { Changes = changes };

    private static Dictionary<string, T> ByKey<T>(IEnumerable<T> items, Func<T, string> key)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items) byKey.TryAdd(key(item), item);
        return byKey;
    }

    /// <summary>
    /// The tiers kept in both versions whose position among the kept tiers differs, with their positions
    /// (from 1) among all tiers before and after; adding or removing a tier alone does not move the others.
    /// </summary>
    private static Dictionary<string, (int Before, int After)> MovedTiers(IReadOnlyList<TierRule> older, IReadOnlyList<TierRule> newer)
    {
        var olderKeys = older.Select(t => t.Key).Distinct().ToList();
        var newerKeys = newer.Select(t => t.Key).Distinct().ToList();
        var olderOrder = olderKeys.Where(newerKeys.Contains).ToList();
        var newerOrder = newerKeys.Where(olderKeys.Contains).ToList();
        return olderOrder.Where((k, i) => newerOrder[i] != k)
            .ToDictionary(k => k, k => (olderKeys.IndexOf(k) + 1, newerKeys.IndexOf(k) + 1), StringComparer.Ordinal);
    }

    private static IEnumerable<(PlaybookStep Step, string Playbook)> Steps(MethodologyDocument document) =>
        document.Playbooks.SelectMany(p => p.Steps.Select(s => (s, p.Key)));

    private static LocalizedText? ThreatName(MethodologyDocument document, string threat) =>
        document.ThreatTypes.FirstOrDefault(t => t.Key == threat)?.Name;

    /// <summary>The fields whose values differ; a text in two languages gives one change per language that differs.</summary>
    private static IEnumerable<FieldChange> ChangedFields(params (string Name, object? Older, object? Newer)[] fields)
    {
        foreach (var (name, older, newer) in fields.Where(f => Json(f.Older) != Json(f.Newer)))
        {
            if (older is LocalizedText o && newer is LocalizedText n)
            {
                if (o.En != n.En) yield return new FieldChange(name, "en", o.En, n.En);
                if (o.Cs != n.Cs) yield return new FieldChange(name, "cs", o.Cs, n.Cs);
            }
            else yield return new FieldChange(name, null, older, newer);
        }
    }

    private static string Json(object? value) => JsonSerializer.Serialize(value, LibraryFormat.JsonOptions);
}
