using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

/// <summary>
/// In the seeded library the heavy measures (vehicle barriers, screening, the security plan, monitoring) follow
/// the assessed risk as well as the tier, and their reasons name the threat and its risk.
/// </summary>
public sealed class GuidelineRiskDrivenMeasuresTests
{
    private static SiteSnapshot Rated(string venueType, int occupancy, params (string Threat, int Likelihood, int Impact)[] threats) =>
        Site(venueType, occupancy) with { Threats = threats.Select(t => new ThreatSnapshot(t.Threat, t.Likelihood, t.Impact, 1, 1)).ToList() };

    private static GuidelineMeasure Measure(SiteSnapshot site, string key) => SeededGenerator.Generate(site).Measures.Single(m => m.Key == key);

    [Fact]
    public void Vehicle_barriers_on_an_enhanced_site_name_the_vehicle_risk_not_only_the_tier()
    {
        var barriers = Measure(Rated("stadium", 15_000, ("vehicle-as-weapon", 4, 4)), "ACC-04");

        Assert.True(barriers.Applies);
        Assert.Equal("Applies because tier is Enhanced and Vehicle as a weapon is assessed at risk 16 (at least 8).", barriers.Reason.En);
        Assert.Equal("Platí, protože úroveň je Rozšířená a hrozba Vozidlo jako zbraň je posouzena s rizikem 16 (alespoň 8).", barriers.Reason.Cs);
    }

    [Fact]
    public void An_enhanced_site_that_has_not_assessed_vehicle_attack_is_told_so_once()
    {
        var barriers = Measure(Rated("stadium", 15_000, ("firearms", 2, 5)), "ACC-04");

        Assert.False(barriers.Applies);
        Assert.Equal("Excluded because Vehicle as a weapon is not assessed and tier Enhanced is not one of Standard.", barriers.Reason.En);
        Assert.Equal("Neplatí, protože hrozba Vozidlo jako zbraň není posouzena a úroveň Rozšířená není Standardní.", barriers.Reason.Cs);
    }

    [Fact]
    public void A_top_rated_threat_brings_the_heavy_measures_to_a_standard_site_with_the_risk_as_the_reason()
    {
        var low = SeededGenerator.Generate(Rated("school", 650, ("vehicle-as-weapon", 2, 3), ("firearms", 2, 3)));
        var top = SeededGenerator.Generate(Rated("school", 650, ("vehicle-as-weapon", 5, 5), ("firearms", 5, 5)));

        string[] heavy = ["ACC-04", "DET-02", "DET-07", "GOV-02", "TRN-09"];
        Assert.All(heavy, key => Assert.False(low.Measures.Single(m => m.Key == key).Applies));
        Assert.All(heavy, key => Assert.True(top.Measures.Single(m => m.Key == key).Applies));
        var barriers = top.Measures.Single(m => m.Key == "ACC-04");
        Assert.Equal("Applies because tier is Standard and Vehicle as a weapon is assessed at risk 25 (at least 15).", barriers.Reason.En);
        Assert.Equal("Platí, protože úroveň je Standardní a hrozba Vozidlo jako zbraň je posouzena s rizikem 25 (alespoň 15).", barriers.Reason.Cs);
        Assert.Equal("Applies because tier is Standard and Firearms attack is assessed at risk 25 (at least 15).",
            top.Measures.Single(m => m.Key == "DET-07").Reason.En);
        Assert.Equal(
            "Excluded because tier Standard is not one of Enhanced and Vehicle as a weapon is assessed at risk 6, below 8 "
            + "and Vehicle as a weapon is assessed at risk 6, below 15.",
            low.Measures.Single(m => m.Key == "ACC-04").Reason.En);
    }

    [Fact]
    public void A_small_site_below_every_tier_gets_no_heavy_measure_whatever_the_risk()
    {
        var guideline = SeededGenerator.Generate(Rated("restaurant-bar", 120, ("vehicle-as-weapon", 5, 5), ("firearms", 5, 5)));

        Assert.All(["ACC-04", "DET-02", "DET-07", "GOV-02", "TRN-09"], key => Assert.False(guideline.Measures.Single(m => m.Key == key).Applies));
    }

    [Fact]
    public void No_heavy_measure_applies_because_of_the_tier_alone()
    {
        var guideline = SeededGenerator.Generate(Rated("stadium", 15_000, ("firearms", 3, 4), ("vehicle-as-weapon", 3, 4)));

        foreach (var key in new[] { "ACC-04", "DET-02", "DET-07", "GOV-02", "TRN-09" })
        {
            var measure = guideline.Measures.Single(m => m.Key == key);
            Assert.True(measure.Applies, key);
            Assert.Contains("is assessed at risk 12", measure.Reason.En, StringComparison.Ordinal);
            Assert.NotEqual("Applies because tier is Enhanced.", measure.Reason.En);
        }
    }
}
