using SoftTargets.Core.Domain.Organizations;

namespace SoftTargets.Core.Domain.Compliance;

/// <summary>
/// The compliance figures of one group of sites (region × venue type × tier × methodology version of
/// the latest plan) as they stood in a month. Every figure adds up across groups, so the trend of any
/// dashboard filter is a sum of rows. The current month's rows are retaken until the month ends, so a
/// past month keeps its last state. Written by SQL only (<c>ComplianceSnapshots</c>).
/// </summary>
public sealed class ComplianceSnapshot
{
    private ComplianceSnapshot() { }

    public Guid Id { get; private init; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; private init; }

    public string Region { get; private init; } = "";
    public string VenueTypeKey { get; private init; } = "";

    /// <summary>The tier of the sites' latest plan; empty for sites without a plan.</summary>
    public string Tier { get; private init; } = "";

    /// <summary>The methodology version of the sites' latest plan; null for sites without a plan.</summary>
    public Guid? MethodologyVersionId { get; private init; }

    public ComplianceFigures Figures { get; private init; } = new();
    public DateTimeOffset TakenAt { get; private init; }
}
