using SoftTargets.Core.Domain.Compliance;
using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Exports;
using SoftTargets.Web.Features.Assessment;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Dashboards;

/// <summary>
/// The breakdown tables of the dashboard as plain tables, so the page shows exactly what the CSV and
/// XLSX downloads contain. Percentages are numbers 0–100 (empty when nothing is counted).
/// </summary>
public sealed class DashboardTables(IStringLocalizer<Strings> strings, IStringLocalizer<DashboardStrings> words, IStringLocalizer<AssessmentStrings> risks)
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

    /// <summary>One row per month of the trend, oldest first.</summary>
    public Table Trend(IReadOnlyList<MonthFigures> months) =>
        new(words["Trend_Title"], [words["Column_Month"], .. FigureHeaders()],
            months.Select(m => (IReadOnlyList<object?>)[MonthLabel(m.Month), .. Cells(m.Figures)]).ToList());

    /// <summary>The sites of a drill-down with their own figures, as listed on the page.</summary>
    public Table Sites(IEnumerable<SiteFigures> sites, DashboardChoices choices) =>
        new(words["Sites_Title"], SiteHeaders(), sites.Select(s => SiteRow(s, choices)).ToList());

    /// <summary>The same table, row by row as the sites arrive, for export.</summary>
    public TableStream Sites(IAsyncEnumerable<SiteFigures> sites, DashboardChoices choices) =>
        new(words["Sites_Title"], SiteHeaders(), sites.Select(s => SiteRow(s, choices)));

    private IReadOnlyList<string> SiteHeaders() =>
        [strings["Sites_Name"], strings["Sites_Region"], strings["Sites_VenueType"], words["Column_Tier"], .. FigureHeaders().Skip(3)];

    private IReadOnlyList<object?> SiteRow(SiteFigures s, DashboardChoices choices) =>
        [s.Name, choices.Names.Region(s.Region).ToString(), Label(Breakdown.VenueType, s.VenueTypeKey, choices), Label(Breakdown.Tier, s.Tier, choices), .. Cells(s.Figures).Skip(3)];

    /// <summary>The risk heat map as rows: each view, likelihood and impact with its count of threat assessments.</summary>
    public Table Risk(RiskLandscape landscape) =>
        new(words["Risk_Title"],
            [words["Column_View"], words["Column_Likelihood"], words["Column_Impact"], words["Column_RiskScore"], words["Column_Band"], words["Column_Assessments"]],
            (from view in Enum.GetValues<RiskView>()
             from likelihood in RiskWords.Scale.Reverse()
             from impact in RiskWords.Scale
             select (IReadOnlyList<object?>)[risks[$"HeatMap_{view}"].Value, RiskWords.Likelihood(risks, likelihood), RiskWords.Impact(risks, impact),
                 likelihood * impact, RiskWords.Band(risks, likelihood * impact), landscape.Count(view, likelihood, impact)]).ToList());

    /// <summary>A month as the trend shows it: 2026-11, the same in every language and sortable in a spreadsheet.</summary>
    public static string MonthLabel(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

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
        Breakdown.Region => choices.Names.Region(key).ToString(),
        Breakdown.VenueType => choices.VenueTypes.FirstOrDefault(v => v.Key == key)?.Name.ToString() ?? key,
        Breakdown.Tier when key.Length == 0 => words["NoPlan"],
        Breakdown.Tier => choices.Tiers.FirstOrDefault(t => t.Key == key)?.Name.ToString() ?? key,
        Breakdown.MethodologyVersion when key.Length == 0 => words["NoPlan"],
        Breakdown.MethodologyVersion => choices.Versions.FirstOrDefault(v => v.Id.ToString() == key) is { Number: > 0 } version
            ? words["Version", version.Number] : key,
        _ => key,
    };
}
