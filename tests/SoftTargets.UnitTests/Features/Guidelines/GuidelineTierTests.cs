using SoftTargets.Core.Domain.Common;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelineTierTests
{
    [Theory]
    [InlineData(199, null, "No tier")]
    [InlineData(200, "standard", "Standard")]
    [InlineData(799, "standard", "Standard")]
    [InlineData(800, "enhanced", "Enhanced")]
    public void The_seeded_tiers_start_at_200_and_800(int occupancy, string? tier, string tierName)
    {
        var guideline = SeededGenerator.Generate(Site("stadium", occupancy));

        Assert.Equal(tier, guideline.Tier);
        Assert.Equal(tierName, guideline.TierName.En);
    }

    [Fact]
    public void A_school_at_800_is_standard_and_the_reason_names_the_exception()
    {
        var guideline = SeededGenerator.Generate(Site("school", 800));

        Assert.Equal("standard", guideline.Tier);
        Assert.Equal("Tier Standard because occupancy 800 ≥ 200; not Enhanced because venue type is School.", guideline.TierReason.En);
        Assert.Equal("Úroveň Standardní, protože obsazenost 800 ≥ 200; není Rozšířená, protože typ objektu je Škola.", guideline.TierReason.Cs);
    }

    [Fact]
    public void A_place_of_worship_at_900_stays_standard()
    {
        var guideline = SeededGenerator.Generate(Site("place-of-worship", 900));

        Assert.Equal("standard", guideline.Tier);
        Assert.Equal("Standardní", guideline.TierName.Cs);
        Assert.Equal("Tier Standard because occupancy 900 ≥ 200; not Enhanced because venue type is Place of worship.", guideline.TierReason.En);
    }

    [Fact]
    public void Below_a_higher_tier_the_reason_says_which_limit_was_missed()
    {
        var guideline = SmallGenerator.Generate(Site("stadium", 799));

        Assert.Equal("Tier Standard because occupancy 799 ≥ 200; not Enhanced because occupancy 799 < 800.", guideline.TierReason.En);
        Assert.Equal("Úroveň Standardní, protože obsazenost 799 ≥ 200; není Rozšířená, protože obsazenost 799 < 800.", guideline.TierReason.Cs);
    }

    [Fact]
    public void The_top_tier_gives_only_its_own_reason()
    {
        var guideline = SmallGenerator.Generate(Site("stadium", 1200));

        Assert.Equal("enhanced", guideline.Tier);
        Assert.Equal("Tier Enhanced because occupancy 1,200 ≥ 800 and venue type Stadium is not one of Place of worship, School.",
            guideline.TierReason.En);
    }

    [Fact]
    public void No_tier_is_named_and_explained_in_both_languages()
    {
        var guideline = SmallGenerator.Generate(Site("stadium", 199));

        Assert.Null(guideline.Tier);
        Assert.Equal(new LocalizedText("No tier", "Bez úrovně"), guideline.TierName);
        Assert.Equal("No tier: not Enhanced because occupancy 199 < 800; not Standard because occupancy 199 < 200.", guideline.TierReason.En);
        Assert.StartsWith("Bez úrovně: není Rozšířená", guideline.TierReason.Cs);
    }
}
