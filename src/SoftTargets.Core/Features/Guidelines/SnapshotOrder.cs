namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// The one order of a snapshot's lists that the generator reads: every field takes part, so two snapshots
/// that differ only in the order of their lists read the same.
/// </summary>
internal static class SnapshotOrder
{
    // Each comparison reads every field, so items it calls equal are equal: an unstable sort gives the one order.
    public static List<ZoneSnapshot> Zones(SiteSnapshot site) => Sorted(site.Zones, static (a, b) =>
        Order(string.CompareOrdinal(a.Name, b.Name), string.CompareOrdinal(a.AssemblyPoint, b.AssemblyPoint),
            string.CompareOrdinal(a.InvacuationRoom, b.InvacuationRoom), a.Entrances.CompareTo(b.Entrances), a.Capacity.CompareTo(b.Capacity)));

    /// <summary>By role, primary contacts before deputies, then by name.</summary>
    public static List<ContactSnapshot> Contacts(SiteSnapshot site) => Sorted(site.Contacts, static (a, b) =>
        Order(string.CompareOrdinal(a.RoleKey, b.RoleKey), a.IsDeputy.CompareTo(b.IsDeputy), string.CompareOrdinal(a.Name, b.Name),
            string.CompareOrdinal(a.Phone, b.Phone), string.CompareOrdinal(a.Email, b.Email)));

    public static List<ThreatSnapshot> Threats(SiteSnapshot site) => Sorted(site.Threats, static (a, b) =>
        Order(string.CompareOrdinal(a.ThreatKey, b.ThreatKey), a.InherentLikelihood.CompareTo(b.InherentLikelihood),
            a.InherentImpact.CompareTo(b.InherentImpact), a.ResidualLikelihood.CompareTo(b.ResidualLikelihood),
            a.ResidualImpact.CompareTo(b.ResidualImpact)));

    private static List<T> Sorted<T>(IReadOnlyList<T> items, Comparison<T> comparison)
    {
        var sorted = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
            sorted.Add(items[i]);
        if (sorted.Count > 1)
            sorted.Sort(comparison);
        return sorted;
    }

    private static int Order(int first, int second, int third, int fourth, int fifth) =>
        first != 0 ? first : second != 0 ? second : third != 0 ? third : fourth != 0 ? fourth : fifth;
}
