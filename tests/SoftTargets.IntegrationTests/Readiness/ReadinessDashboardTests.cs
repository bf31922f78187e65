using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.IntegrationTests.Infrastructure;
using static SoftTargets.IntegrationTests.Readiness.ReadinessArrangement;

namespace SoftTargets.IntegrationTests.Readiness;

/// <summary>The Liberec region holds only the arranged sites (see <see cref="ReadinessArrangement"/>): the filter leaves exactly them.</summary>
public sealed class ReadinessDashboardTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly DashboardFilter Liberecky = new("Liberecky");

    [Fact]
    public async Task Coverage_counts_sites_whose_finished_drills_of_the_last_12_months_did_a_step_of_each_procedure()
    {
        await ArrangeAsync(Fixture);

        var coverage = await Fixture.AsAsync<CoverageOverview, ReadinessDashboard>(Auditor, d => d.GetCoverageAsync(Liberecky));

        // The museum did all four across its two drills; the school only evacuated (its full drills are too old or
        // unfinished); the gallery never drilled.
        Assert.Equal((3, 2, 2, 1, 1, 1, 1), Counts(coverage.Totals));
        Assert.Equal((3, 2, 2, 1, 1, 1, 1), Counts(Assert.Single(coverage.By(Breakdown.Region), g => g.Key == "Liberecky")));
        Assert.Equal((2, 1, 1, 1, 1, 1, 1), Counts(Assert.Single(coverage.By(Breakdown.VenueType), g => g.Key == "museum-gallery")));
        Assert.Equal((1, 1, 1, 0, 0, 0, 0), Counts(Assert.Single(coverage.By(Breakdown.VenueType), g => g.Key == "school")));
        Assert.Equal(33.3m, coverage.Totals.Share(coverage.Totals.AllFour));
    }

    [Fact]
    public async Task Time_to_target_averages_the_done_steps_with_a_target_per_phase_and_counts_missed_ones_as_not_in_time()
    {
        await ArrangeAsync(Fixture);

        var timing = await Fixture.AsAsync<TimingOverview, ReadinessDashboard>(Editor, d => d.GetTimingAsync(Liberecky));

        var total = timing.By(Breakdown.Total).ToDictionary(g => g.Phase);
        // P1: 90, 240 (late), 150 (late), 120 and the school's 60 seconds against targets 2, 3, 2, 3 and 2 minutes,
        // and the school's lockdown missed.
        Assert.Equal((6, 5, 3, 2.2, 2.4), Figures(total[IncidentPhase.P1]));
        Assert.Equal(50.0m, total[IncidentPhase.P1].InTimeShare);
        // P2: 600 seconds exactly on the 10 minute target, missed once by the museum and once by the school.
        Assert.Equal((3, 1, 1, 10.0, 10.0), Figures(total[IncidentPhase.P2]));
        Assert.Equal(33.3m, total[IncidentPhase.P2].InTimeShare);
        // P3's only step has no target.
        Assert.False(total.ContainsKey(IncidentPhase.P3));
        var school = timing.By(Breakdown.VenueType).Single(g => g.Key == "school" && g.Phase == IncidentPhase.P1);
        Assert.Equal((2, 1, 1, 1.0, 2.0), Figures(school));
        Assert.Equal(total[IncidentPhase.P1], timing.By(Breakdown.Region).Single(g => g.Phase == IncidentPhase.P1) with { By = Breakdown.Total, Key = "" });
    }

    [Fact]
    [ReadsOnly]
    public async Task Venue_managers_are_refused_the_readiness_figures()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<CoverageOverview, ReadinessDashboard>(ArenaManager, d => d.GetCoverageAsync(new())));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<TimingOverview, ReadinessDashboard>(ArenaManager, d => d.GetTimingAsync(new())));
    }

    [Fact]
    public async Task The_coverage_and_timing_tables_download_as_csv_and_xlsx_with_one_row_per_group_and_the_total()
    {
        await ArrangeAsync(Fixture);
        var client = await Fixture.SignedInClientAsync(Auditor);

        var response = await client.GetAsync("/dashboards/readiness/export/coverage-venuetype.csv?region=Liberecky");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Venue type,Sites,Drilled,Evacuation,Invacuation,Lockdown,Communication,All four,All four (%)", lines[0]);
        Assert.Equal(["Museum or gallery,2,1,1,1,1,1,1,50", "School,1,1,1,0,0,0,0,0", "All sites in view,3,2,2,1,1,1,1,33.3"], lines[1..]);

        var xlsx = await client.GetAsync("/dashboards/readiness/export/timing-region.xlsx?region=Liberecky");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count); // the header, Liberec and the total
        var liberec = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Liberec", liberec[0].InnerText);
        Assert.Equal(CellValues.Number, liberec[1].DataType!.Value);
        Assert.Equal("2.2", liberec[1].CellValue!.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboards/readiness/export/coverage-tier.csv")).StatusCode);
    }

    [Fact]
    [ReadsOnly]
    public async Task Venue_managers_cannot_download_the_readiness_tables()
    {
        var client = await Fixture.SignedInClientAsync(ArenaManager);

        var response = await client.GetAsync("/dashboards/readiness/export/coverage-region.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static (int, int, int, int, int, int, int) Counts(CoverageGroup g) =>
        (g.Sites, g.Drilled, g.Evacuation, g.Invacuation, g.Lockdown, g.Communication, g.AllFour);

    private static (int, int, int, double?, double?) Figures(TimingGroup g) =>
        (g.Steps, g.Done, g.InTime, g.MeanElapsedMinutes, g.MeanTargetMinutes);
}
