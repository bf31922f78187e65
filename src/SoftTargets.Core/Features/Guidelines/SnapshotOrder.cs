namespace SoftTargets.Core.Features.Guidelines;

/// <summary>
/// The one order of a snapshot's lists that the generator reads: every field takes part, so two snapshots
/// that differ only in the order of their lists read the same.
/// </summary>
internal static class SnapshotOrder
{
    public static List<ZoneSnapshot> Zones(SiteSnapshot site) => site.Zones
        .OrderBy(z => z.Name, StringComparer.Ordinal)
        .ThenBy(z => z.AssemblyPoint, StringComparer.Ordinal)
        .ThenBy(z => z.InvacuationRoom, StringComparer.Ordinal)
        .ThenBy(z => z.Entrances)
        .ThenBy(z => z.Capacity)
        .ToList();

    /// <summary>By role, primary contacts before deputies, then by name.</summary>
    public static List<ContactSnapshot> Contacts(SiteSnapshot site) => site.Contacts
        .OrderBy(c => c.RoleKey, StringComparer.Ordinal)
        .ThenBy(c => c.IsDeputy)
        .ThenBy(c => c.Name, StringComparer.Ordinal)
        .ThenBy(c => c.Phone, StringComparer.Ordinal)
        .ThenBy(c => c.Email, StringComparer.Ordinal)
        .ToList();

    public static List<ThreatSnapshot> Threats(SiteSnapshot site) => site.Threats
        .OrderBy(t => t.ThreatKey, StringComparer.Ordinal)
        .ThenBy(t => t.InherentLikelihood)
        .ThenBy(t => t.InherentImpact)
        .ThenBy(t => t.ResidualLikelihood)
        .ThenBy(t => t.ResidualImpact)
        .ToList();
}
