using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Exports;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Web.Features.Dashboards;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Readiness;

/// <summary>
/// The readiness tables of the dashboard (drill coverage and time to target, by region or venue type) as plain
/// tables, so the page shows exactly what the CSV and XLSX downloads contain.
/// </summary>
public sealed class ReadinessTables(DashboardTables dashboard, IStringLocalizer<ReadinessStrings> words, IStringLocalizer<DashboardStrings> dashboardWords,
    IStringLocalizer<MethodologyStrings> methodology)
{
    /// <summary>The tables the dashboard offers, by their name in the export address.</summary>
    public static readonly IReadOnlyList<(string Name, bool Coverage, Breakdown By)> Names =
    [
        ("coverage-region", true, Breakdown.Region), ("coverage-venuetype", true, Breakdown.VenueType),
        ("timing-region", false, Breakdown.Region), ("timing-venuetype", false, Breakdown.VenueType),
    ];

    private static readonly Procedure[] Procedures = [Procedure.Evacuation, Procedure.Invacuation, Procedure.Lockdown, Procedure.Communication];

    /// <summary>One row per group in the order of its label, then the total.</summary>
    public Table Coverage(CoverageOverview overview, Breakdown by, DashboardChoices choices)
    {
        var rows = Ordered(overview.By(by), g => g.Key, by, choices)
            .Select(g => (IReadOnlyList<object?>)[g.Label, .. Cells(g.Group)])
            .Append([dashboardWords["Total"].Value, .. Cells(overview.Totals)])
            .ToList();
        return new Table(words[$"Figures_CoverageBy{by}"], [dashboardWords[$"Column_{by}"], words["Figures_Column_Sites"], words["Figures_Column_Drilled"],
            .. Procedures.Select(p => methodology[$"Procedure_{p}"].Value), words["Figures_Column_AllFour"], words["Figures_Column_AllFourShare"]], rows);

        static IEnumerable<object?> Cells(CoverageGroup g) =>
            [g.Sites, g.Drilled, .. Procedures.Select(p => (object?)g.Of(p)), g.AllFour, g.Share(g.AllFour)];
    }

    /// <summary>One row per group with the mean time, mean target and share in time of each phase P1–P3, then the total.</summary>
    public Table Timing(TimingOverview overview, Breakdown by, DashboardChoices choices)
    {
        var groups = overview.By(by).GroupBy(g => g.Key).Select(g => (Key: g.Key, Phases: g.ToList()));
        var rows = Ordered(groups, g => g.Key, by, choices)
            .Select(g => (IReadOnlyList<object?>)[g.Label, .. Cells(g.Group.Phases)])
            .Append([dashboardWords["Total"].Value, .. Cells(overview.By(Breakdown.Total).ToList())])
            .ToList();
        return new Table(words[$"Figures_TimingBy{by}"], [dashboardWords[$"Column_{by}"],
            .. ReadinessDashboard.Phases.SelectMany(p => new[] { words["Figures_Column_Mean", p].Value, words["Figures_Column_Target", p].Value, words["Figures_Column_InTime", p].Value })],
            rows);

        static IEnumerable<object?> Cells(IReadOnlyList<TimingGroup> phases) => ReadinessDashboard.Phases.SelectMany(phase =>
            phases.FirstOrDefault(g => g.Phase == phase) is { } g
                ? new object?[] { g.MeanElapsedMinutes, g.MeanTargetMinutes, g.InTimeShare }
                : new object?[] { null, null, null });
    }

    private IEnumerable<(string Label, T Group)> Ordered<T>(IEnumerable<T> groups, Func<T, string> key, Breakdown by, DashboardChoices choices) =>
        groups.Select(g => (Label: dashboard.Label(by, key(g), choices), Group: g))
            .OrderBy(g => g.Label, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true));
}
