namespace SoftTargets.Core.Domain.Compliance;

/// <summary>
/// The compliance figures of a set of sites, all counted in SQL by the rules of <c>ComplianceRules</c>. The score is
/// explained in the README ("Compliance score") and next to the figure in the app:
/// <list type="bullet">
/// <item>counted: the measures the methodology applies to a site in its latest plan, except those the
/// site set aside as not applicable (with a justification), which are shown on their own;</item>
/// <item>weights: essential 3, recommended 2, enhanced 1;</item>
/// <item>credit: an implemented measure earns its weight, any other state nothing;</item>
/// <item>score = earned weight ÷ counted weight, over all measures of all sites in the set (a large
/// site weighs more than a small one); sites without a plan have no measures and no score.</item>
/// </list>
/// </summary>
public sealed record ComplianceFigures
{
    public int Sites { get; init; }
    public int SitesWithPlan { get; init; }

    /// <summary>Sites whose latest plan follows the newest published methodology version.</summary>
    public int SitesWithCurrentPlan { get; init; }

    public long CountedWeight { get; init; }
    public long ImplementedWeight { get; init; }
    public int EssentialCounted { get; init; }
    public int EssentialImplemented { get; init; }

    /// <summary>Measures a site set aside as not applicable, with a justification; not counted in the score.</summary>
    public int SetAside { get; init; }

    /// <summary>Open measures (not started or in progress) whose due date has passed.</summary>
    public int OverdueMeasures { get; init; }

    /// <summary>Applicable measures whose next review date has passed.</summary>
    public int OverdueReviews { get; init; }

    /// <summary>Findings not closed (open or answered).</summary>
    public int OpenFindings { get; init; }

    /// <summary>Findings not closed whose due date has passed.</summary>
    public int OverdueFindings { get; init; }

    /// <summary>Drills held in the last 12 months (from the same day a year ago to today).</summary>
    public int DrillsLast12Months { get; init; }
    public int SitesDrilledLast12Months { get; init; }

    /// <summary>0–100 with one decimal, or null when nothing is counted.</summary>
    public decimal? Score => Percent(ImplementedWeight, CountedWeight);

    /// <summary>Share of counted essential measures that are implemented, 0–100, or null.</summary>
    public decimal? EssentialShare => Percent(EssentialImplemented, EssentialCounted);

    public static decimal? Percent(long part, long whole) =>
        whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}
