using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Exports;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Dashboards;

/// <summary>
/// The breakdown tables of the dashboard as plain tables, so the page shows exactly what the CSV and
/// XLSX downloads contain. Percentages are numbers 0–100 (empty when nothing is counted).
/// </summary>
public sealed class DashboardTables(IStringLocalizer<Strings> strings, IStringLocalizer<DashboardStrings> words)
{
    /// <summary>The groups of a breakdown in the order of their labels, which is the order of the table's rows.</summary>
    public IReadOnlyList<(string Key, string Label, ComplianceFigures Figures)> Groups(ComplianceOverview overview, Breakdown breakdown, DashboardChoices choices) =>
        overview.By(breakdown)
            .Select(group => (group.Key, Label: Label(breakdown, group.Key, choices), group.Figures))
            .OrderBy(group => group.Label, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();

    /// <summary>One row per group, then the total.</summary>
    public Table Build(ComplianceOverview overview, Breakdown breakdown, DashboardChoices choices) => Build(overview, breakdown, Groups(overview, breakdown, choices));

    public Table Build(ComplianceOverview overview, Breakdown breakdown, IReadOnlyList<(string Key, string Label, ComplianceFigures Figures)> groups)
    {
        var rows = groups.Select(group => (IReadOnlyList<object?>)[group.Label, .. Cells(group.Figures)])
            .Append([words["Total"].Value, .. Cells(overview.Totals)])
            .ToList();
        return new Table(words[$"By_{breakdown}"], [words[$"Column_{breakdown}"], .. FigureHeaders()], rows);
    }

    public IReadOnlyList<string> FigureHeaders() =>
    [
        words["Column_Sites"], words["Column_WithPlan"], words["Column_CurrentPlan"], words["Column_Score"], words["Column_Essential"],
        words["Column_SetAside"], words["Column_OverdueMeasures"], words["Column_OverdueReviews"], words["Column_OpenFindings"],
        words["Column_OverdueFindings"], words["Column_Drills"],
    ];

    public static IEnumerable<object?> Cells(ComplianceFigures f) =>
    [
        f.Sites, f.SitesWithPlan, f.SitesWithCurrentPlan, f.Score, f.EssentialShare, f.SetAside, f.OverdueMeasures, f.OverdueReviews,
        f.OpenFindings, f.OverdueFindings, f.DrillsLast12Months,
    ];

    public string Label(Breakdown breakdown, string key, DashboardChoices choices) => breakdown switch
    {
        Breakdown.Region => Enum.TryParse<Region>(key, out var region) ? strings[$"Region_{region}"] : key,
        Breakdown.VenueType => choices.VenueTypes.FirstOrDefault(v => v.Key == key)?.Name.ToString() ?? key,
        Breakdown.Tier when key.Length == 0 => words["NoPlan"],
        Breakdown.Tier => choices.Tiers.FirstOrDefault(t => t.Key == key)?.Name.ToString() ?? key,
        Breakdown.MethodologyVersion when key.Length == 0 => words["NoPlan"],
        Breakdown.MethodologyVersion => choices.Versions.FirstOrDefault(v => v.Id.ToString() == key) is { Number: > 0 } version
            ? words["Version", version.Number] : key,
        _ => key,
    };
}
