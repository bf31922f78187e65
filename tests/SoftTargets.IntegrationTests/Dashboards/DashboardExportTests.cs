using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Dashboards;

public sealed class DashboardExportTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task The_region_table_downloads_as_csv_with_one_row_per_region_and_the_total()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);

        var response = await client.GetAsync("/dashboards/export/region.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Region,Sites,With a plan,", lines[0]);
        Assert.True(lines.Length == 6, string.Join("\n", lines)); // the header, four demo regions and the total
        Assert.StartsWith("Plzeň,1,0,0,,,", lines[3]); // the mall has no plan: no score, not 0 %
        Assert.StartsWith("All sites in view,4,3,", lines[^1]);
    }

    [Fact]
    public async Task A_filtered_table_downloads_as_xlsx_with_numbers()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);

        var response = await client.GetAsync("/dashboards/export/venuetype.xlsx?region=Praha");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().ToList();
        Assert.Equal(3, rows.Count);
        var hall = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Concert hall", hall[0].InnerText);
        Assert.Equal(CellValues.Number, hall[1].DataType!.Value);
        Assert.Equal("1", hall[1].CellValue!.Text);
    }

    [Fact]
    public async Task The_trend_the_risk_map_and_the_drill_down_sites_download_as_the_page_shows_them()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);

        var trend = await CsvAsync(client, "/dashboards/export/trend.csv");
        var risk = await CsvAsync(client, "/dashboards/export/risk.csv?region=Moravskoslezsky");
        var sites = await CsvAsync(client, "/dashboards/export/sites.csv?region=Praha");

        Assert.StartsWith("Month,Sites,", trend[0]);
        Assert.Equal(13, trend.Length); // the demo data draws a year of monthly snapshots
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyy-MM") + ",4,3,", trend[^1]);
        Assert.Equal("Risk,Likelihood,Impact,Score,Band,Threat assessments", risk[0]);
        Assert.Equal(51, risk.Length); // 25 cells for each of the two ratings
        Assert.Equal("Inherent,2 – Unlikely,5 – Catastrophic,10,high,1", risk.Single(r => r.StartsWith("Inherent,2 – Unlikely,5 – ")));
        Assert.Equal(2, risk.Where(r => r.StartsWith("Inherent,")).Sum(r => int.Parse(r.Split(',')[^1])));
        Assert.StartsWith("Name,Region,Venue type,Tier,Compliance score", sites[0]);
        Assert.StartsWith("Koncertní síň Vltava,Prague,Concert hall,", Assert.Single(sites.Skip(1)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/dashboards/export/total.csv")).StatusCode);
    }

    [Fact]
    public async Task The_drill_down_renders_its_sites_on_the_server_and_a_page_past_the_last_shows_the_first()
    {
        var client = await Fixture.SignedInClientAsync(Auditor);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/dashboards/sites?region=Praha&page=9"));

        Assert.Contains("Koncertní síň Vltava", html);
        Assert.Contains("Sites 1–1 of 1", html);
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    [Theory]
    [InlineData(ArenaManager, "/access-denied")]
    [InlineData(null, "/account/login")]
    public async Task Venue_managers_and_anonymous_callers_are_sent_away_without_figures(string? email, string sentTo)
    {
        var client = email is null ? Fixture.AnonymousClient() : await Fixture.SignedInClientAsync(email);

        var response = await client.GetAsync("/dashboards/export/region.csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(sentTo, response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }
}
