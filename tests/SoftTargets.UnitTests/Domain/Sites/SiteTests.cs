using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Threats;

namespace SoftTargets.UnitTests.Domain.Sites;

public class SiteTests
{
    private static readonly Guid OrganizationId = Guid.NewGuid();

    private static Site NewSite() => new(OrganizationId, Guid.NewGuid(), SiteProfileTests.Valid());

    [Fact]
    public void A_site_is_created_from_a_valid_profile_with_trimmed_text()
    {
        var profile = SiteProfileTests.Valid() with { Name = "  Riverside Arena ", Address = " Nábřeží 1 ", OpeningHours = " daily " };

        var site = new Site(OrganizationId, Guid.NewGuid(), profile);

        Assert.Equal(OrganizationId, site.OrganizationId);
        Assert.Equal("Riverside Arena", site.Name);
        Assert.Equal("Nábřeží 1", site.Address);
        Assert.Equal("daily", site.OpeningHours);
        Assert.Equal(profile.Region, site.Region);
        Assert.Equal(profile.VenueTypeKey, site.VenueTypeKey);
        Assert.Equal(profile.MaxOccupancy, site.MaxOccupancy);
        Assert.Equal(profile.DailyVisitors, site.DailyVisitors);
    }

    [Fact]
    public void Creating_a_site_from_an_invalid_profile_throws_with_errors_keyed_by_field()
    {
        var profile = SiteProfileTests.Valid() with { Name = "", DailyVisitors = -1 };

        var ex = Assert.Throws<ValidationFailedException>(() => new Site(OrganizationId, Guid.NewGuid(), profile));

        Assert.Equal(
            new[] { nameof(SiteProfile.DailyVisitors), nameof(SiteProfile.Name) },
            ex.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Applying_an_invalid_profile_leaves_the_site_unchanged()
    {
        var site = NewSite();

        Assert.Throws<ValidationFailedException>(() => site.Apply(site.Profile with { Name = "", Address = "New address" }));

        Assert.Equal("Riverside Arena", site.Name);
        Assert.Equal("Nábřeží 1, Praha", site.Address);
    }

    [Fact]
    public void Attributes_are_deduplicated_and_sorted()
    {
        var profile = SiteProfileTests.Valid() with { Attributes = ["stage", "alcohol", "stage", "Outdoor", "alcohol"] };

        var site = new Site(OrganizationId, Guid.NewGuid(), profile);

        Assert.Equal(new[] { "Outdoor", "alcohol", "stage" }, site.Attributes);
    }

    [Fact]
    public void The_profile_read_back_from_a_site_matches_what_was_applied()
    {
        var site = NewSite();

        var profile = site.Profile;

        Assert.Equal(site.Name, profile.Name);
        Assert.Equal(site.Attributes, profile.Attributes);
        Assert.Empty(profile.Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void Answering_with_a_level_outside_one_to_five_is_rejected(int level)
    {
        var site = NewSite();

        var ex = Assert.Throws<ValidationFailedException>(() => site.Answer("q-cctv", level));

        Assert.Contains("Level", ex.Errors.Keys);
        Assert.Empty(site.Answers);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void Answering_with_a_level_from_one_to_five_is_recorded(int level)
    {
        var site = NewSite();

        site.Answer("q-cctv", level);

        var answer = Assert.Single(site.Answers);
        Assert.Equal("q-cctv", answer.QuestionKey);
        Assert.Equal(level, answer.Level);
        Assert.Equal(site.Id, answer.SiteId);
    }

    [Fact]
    public void Answering_the_same_question_again_changes_the_existing_answer()
    {
        var site = NewSite();
        site.Answer("q-cctv", 2);
        site.Answer("q-guards", 3);

        site.Answer("q-cctv", 4);

        Assert.Equal(2, site.Answers.Count);
        Assert.Equal(4, site.Answers.Single(a => a.QuestionKey == "q-cctv").Level);
        Assert.Equal(3, site.Answers.Single(a => a.QuestionKey == "q-guards").Level);
    }

    [Fact]
    public void Assessing_a_threat_again_replaces_its_earlier_assessment()
    {
        var site = NewSite();
        site.AssessThreat("active-shooter", new RiskRating(4, 5), new RiskRating(3, 5), "first");
        site.AssessThreat("arson", new RiskRating(2, 3), new RiskRating(1, 3), "other");

        var replacement = site.AssessThreat("active-shooter", new RiskRating(3, 5), new RiskRating(2, 4), "  after training  ");

        Assert.Equal(2, site.Threats.Count);
        var shooter = Assert.Single(site.Threats, t => t.ThreatKey == "active-shooter");
        Assert.Same(replacement, shooter);
        Assert.Equal(15, shooter.Inherent.Score);
        Assert.Equal(8, shooter.Residual.Score);
        Assert.Equal("after training", shooter.Rationale);
        Assert.Single(site.Threats, t => t.ThreatKey == "arson");
    }
}
