using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Features.Dashboards;

namespace SoftTargets.UnitTests.Web.Dashboards;

public sealed class DashboardTablesTests : IDisposable
{
    private static readonly DashboardChoices Choices = new(
        [new CatalogItem("stadium", new("Stadium", "Stadion"))], [new CatalogItem("standard", new("Standard", "Standardní"))], [])
    {
        Names = CatalogueNames.Of(new MethodologyDocument { Regions = [new("Moravskoslezsky", new("Moravian-Silesian", "Moravskoslezský kraj"))] }),
    };

    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;
    private readonly ServiceProvider services;
    private readonly DashboardTables tables;

    public DashboardTablesTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddLocalization();
        collection.AddScoped<DashboardTables>();
        services = collection.BuildServiceProvider();
        tables = services.GetRequiredService<DashboardTables>();
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = previous;
        services.Dispose();
    }

    [Fact]
    public void The_trend_has_one_row_per_month_oldest_first_with_the_score_as_a_number()
    {
        var table = tables.Trend(
        [
            new MonthFigures(new DateOnly(2026, 10, 1), new ComplianceFigures { Sites = 4, CountedWeight = 10, ImplementedWeight = 4 }),
            new MonthFigures(new DateOnly(2026, 11, 1), new ComplianceFigures { Sites = 5, CountedWeight = 10, ImplementedWeight = 5 }),
        ]);

        Assert.Equal("Month", table.Headers[0]);
        Assert.Equal(["2026-10", "2026-11"], table.Rows.Select(r => r[0]));
        Assert.Equal(40.0m, table.Rows[0][4]);
        Assert.Equal(5, table.Rows[1][1]);
    }

    [Fact]
    public void The_risk_table_lists_every_cell_of_both_ratings_with_its_count()
    {
        var landscape = new RiskLandscape([new RiskCount(0, 3, 4, 7), new RiskCount(1, 2, 4, 7)]);

        var table = tables.Risk(landscape);

        Assert.Equal(50, table.Rows.Count);
        Assert.Equal(["Inherent", "3 – Possible", "4 – Major", 12, "high", 7], table.Rows.Single(r => (int)r[5]! == 7 && (string)r[0]! == "Inherent"));
        Assert.Equal(7, table.Rows.Where(r => (string)r[0]! == "Residual").Sum(r => (int)r[5]!));
        Assert.Equal(7, landscape.Total);
        Assert.Equal(0, landscape.Count(RiskView.Residual, 3, 4));
    }

    [Fact]
    public void The_sites_table_names_region_venue_type_and_tier_and_leaves_an_unscored_site_empty()
    {
        var sites = new[]
        {
            new SiteFigures(Guid.NewGuid(), "Slezská aréna", "Moravskoslezsky", "stadium", "standard",
                new ComplianceFigures { Sites = 1, SitesWithPlan = 1, CountedWeight = 4, ImplementedWeight = 1, OverdueMeasures = 2 }),
            new SiteFigures(Guid.NewGuid(), "Sklad", "Praha", "warehouse", "", new ComplianceFigures { Sites = 1 }),
        };

        var table = tables.Sites(sites, Choices);

        Assert.Equal(["Name", "Region", "Venue type", "Tier", "Compliance score (%)"], table.Headers.Take(5));
        Assert.Equal(["Slezská aréna", "Moravian-Silesian", "Stadium", "Standard", 25.0m], table.Rows[0].Take(5));
        Assert.Equal(2, table.Rows[0][table.Headers.ToList().IndexOf("Overdue measures")]);
        Assert.Equal("warehouse", table.Rows[1][2]);
        Assert.Equal("No plan yet", table.Rows[1][3]);
        Assert.Null(table.Rows[1][4]);
    }
}
