using SoftTargets.Core.Features.Assessment;

namespace SoftTargets.UnitTests.Features.Assessment;

public class HeatMapTests
{
    private static readonly HeatMapThreat[] Threats =
    [
        new("firearms", new("Firearms attack", "Útok střelnou zbraní"), 2, 5, 2, 4),
        new("vehicle-as-weapon", new("Vehicle as a weapon", "Vozidlo jako zbraň"), 3, 4, 2, 3),
        new("ied", new("Improvised explosive device", "Improvizované výbušné zařízení"), 2, 5, 1, 1),
    ];

    [Fact]
    public void Inherent_counts_place_each_threat_in_its_likelihood_and_impact_cell()
    {
        var map = HeatMap.Build(Threats, RiskView.Inherent);

        Assert.Equal(2, map[2, 5].Count);
        Assert.Equal(["firearms", "ied"], map[2, 5].Threats.Select(t => t.Key));
        Assert.Equal(1, map[3, 4].Count);
        Assert.Equal(3, map.Total);
        Assert.Equal(3, Cells(map).Sum(c => c.Count));
        Assert.Equal(23, Cells(map).Count(c => c.Count == 0));
    }

    [Fact]
    public void Residual_counts_use_the_ratings_after_measures()
    {
        var map = HeatMap.Build(Threats, RiskView.Residual);

        Assert.Equal(RiskView.Residual, map.View);
        Assert.Equal(["firearms"], map[2, 4].Threats.Select(t => t.Key));
        Assert.Equal(["vehicle-as-weapon"], map[2, 3].Threats.Select(t => t.Key));
        Assert.Equal(["ied"], map[1, 1].Threats.Select(t => t.Key));
        Assert.Equal(0, map[2, 5].Count);
    }

    [Fact]
    public void An_empty_site_has_twenty_five_empty_cells_with_their_coordinates_and_scores()
    {
        var map = HeatMap.Build([], RiskView.Inherent);

        Assert.Equal(25, Cells(map).Count);
        Assert.All(Cells(map), c => Assert.Equal(0, c.Count));
        Assert.Equal((4, 3, 12), (map[4, 3].Likelihood, map[4, 3].Impact, map[4, 3].Score));
    }

    [Theory]
    [InlineData(1, RiskBand.Low)]
    [InlineData(4, RiskBand.Low)]
    [InlineData(5, RiskBand.Medium)]
    [InlineData(9, RiskBand.Medium)]
    [InlineData(10, RiskBand.High)]
    [InlineData(16, RiskBand.High)]
    [InlineData(20, RiskBand.VeryHigh)]
    [InlineData(25, RiskBand.VeryHigh)]
    public void Scores_fall_into_bands(int score, RiskBand band)
    {
        Assert.Equal(band, HeatMap.BandOf(score));
    }

    private static List<HeatMapCell> Cells(HeatMap map) =>
        Enumerable.Range(1, 5).SelectMany(l => Enumerable.Range(1, 5).Select(i => map[l, i])).ToList();
}
