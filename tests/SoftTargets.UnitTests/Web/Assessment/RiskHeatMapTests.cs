using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Web.Features.Assessment;

namespace SoftTargets.UnitTests.Web.Assessment;

public class RiskHeatMapTests : BunitContext, IAsyncLifetime
{
    private static readonly ThreatRow[] Threats =
    [
        new("firearms", new("Firearms attack", "Útok střelnou zbraní"), [], new AssessedRisk(2, 5, 2, 4, "Crowds.")),
        new("arson", new("Arson", "Žhářský útok"), [], new AssessedRisk(2, 5, 1, 2, "Bins.")),
        new("cbrn", new("Chemical agent", "Chemická látka"), [], null),
    ];

    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public RiskHeatMapTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previous;
        await base.DisposeAsync();
    }

    [Fact]
    public void The_matrix_is_a_table_with_a_caption_and_five_column_and_five_row_headers()
    {
        var map = Render<RiskHeatMap>(p => p.Add(m => m.Threats, Threats));

        Assert.Contains("Inherent risk", map.Find("#heat-map caption").TextContent);
        Assert.Contains("(2 in all)", map.Find("#heat-map caption").TextContent);
        Assert.Equal(6, map.FindAll("#heat-map thead th[scope=col]").Count);
        Assert.Equal(["5 – Almost certain", "4 – Likely", "3 – Possible", "2 – Unlikely", "1 – Rare"],
            map.FindAll("#heat-map tbody th[scope=row]").Select(th => th.TextContent.Trim()));
        Assert.Equal(25, map.FindAll("#heat-map tbody td").Count);
    }

    [Fact]
    public void Each_cell_shows_its_count_its_score_in_words_and_the_threats_in_it()
    {
        var map = Render<RiskHeatMap>(p => p.Add(m => m.Threats, Threats));

        var cell = map.Find("#heat-cell-2-5");
        Assert.Equal("2", cell.QuerySelector(".heat-count")!.TextContent);
        Assert.Equal("score 10, high", cell.QuerySelector(".heat-band")!.TextContent);
        Assert.Equal(["Firearms attack", "Arson"], cell.QuerySelectorAll(".heat-threats li").Select(li => li.TextContent));
        Assert.Contains("risk-high", cell.ClassList);
        Assert.Equal("0", map.Find("#heat-cell-1-1 .heat-count").TextContent);
        Assert.Contains("risk-low", map.Find("#heat-cell-1-1").ClassList);
    }

    [Fact]
    public void Switching_to_residual_moves_the_threats_and_marks_the_pressed_button()
    {
        var map = Render<RiskHeatMap>(p => p.Add(m => m.Threats, Threats));

        map.Find("#heat-map-residual").Click();

        Assert.Contains("Residual risk", map.Find("#heat-map caption").TextContent);
        Assert.Equal("0", map.Find("#heat-cell-2-5 .heat-count").TextContent);
        Assert.Equal("1", map.Find("#heat-cell-2-4 .heat-count").TextContent);
        Assert.Equal("1", map.Find("#heat-cell-1-2 .heat-count").TextContent);
        Assert.Equal("true", map.Find("#heat-map-residual").GetAttribute("aria-pressed"));
        Assert.Equal("false", map.Find("#heat-map-inherent").GetAttribute("aria-pressed"));
    }
}
