using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.UnitTests.Domain.Sites;

public sealed class SiteCatalogTests
{
    private static readonly SiteCatalog Catalog = new(["stadium", "school"], ["outdoor-queues", "children-present"], ["Slezská aréna"])
    {
        Regions = [new("Praha", new("Prague", "Hlavní město Praha")), new("Jihomoravsky", new("South Moravian", "Jihomoravský kraj"))],
    };

    private static SiteProfile Profile(string name = "Nová hala", string venueType = "stadium", params string[] attributes) =>
        new(name, "Main 1", "Praha", venueType, 100, 10, "", attributes);

    [Fact]
    public void A_profile_of_known_keys_and_a_new_name_has_no_problems() =>
        Assert.Empty(Catalog.Problems(Profile(attributes: "outdoor-queues")));

    [Fact]
    public void An_unknown_venue_type_is_named() =>
        Assert.Contains("spaceport", Catalog.Problems(Profile(venueType: "spaceport"))[nameof(SiteProfile.VenueTypeKey)].En);

    [Fact]
    public void A_venue_type_in_another_case_is_not_the_key() =>
        Assert.True(Catalog.Problems(Profile(venueType: "Stadium")).ContainsKey(nameof(SiteProfile.VenueTypeKey)));

    [Fact]
    public void An_unknown_attribute_is_named() =>
        Assert.Contains("dragons", Catalog.Problems(Profile(attributes: ["outdoor-queues", "dragons"]))[nameof(SiteProfile.Attributes)].Cs);

    [Fact]
    public void More_attributes_than_the_cap_are_refused_before_they_are_looked_up() =>
        Assert.Equal(SiteMessages.AttributesInvalid,
            Catalog.Problems(Profile(attributes: [.. Enumerable.Repeat("outdoor-queues", SiteProfile.MaxAttributes + 1)]))[nameof(SiteProfile.Attributes)]);

    [Theory]
    [InlineData("Slezská aréna")]
    [InlineData("  slezská ARÉNA ")]
    public void A_name_the_organisation_already_uses_is_refused(string name) =>
        Assert.Equal(SiteMessages.NameTaken, Catalog.Problems(Profile(name))[nameof(SiteProfile.Name)]);

    [Fact]
    public void A_nul_byte_is_refused_in_every_text_field()
    {
        var problems = new SiteProfile("A\0", "B\0", "Praha", "stadium", 1, 1, "C\0", ["outdoor-queues\0"]).Problems();

        Assert.Equal(SiteMessages.ControlCharacters, problems[nameof(SiteProfile.Name)]);
        Assert.Equal(SiteMessages.ControlCharacters, problems[nameof(SiteProfile.Address)]);
        Assert.Equal(SiteMessages.ControlCharacters, problems[nameof(SiteProfile.OpeningHours)]);
        Assert.Equal(SiteMessages.AttributesInvalid, problems[nameof(SiteProfile.Attributes)]);
    }

    [Fact]
    public void Line_breaks_in_opening_hours_are_fine() =>
        Assert.Empty(new SiteProfile("A", "B", "Praha", "stadium", 1, 1, "Mo–Fr 8–16\nSa 9–12", []).Problems());

    [Fact]
    public void An_empty_region_is_refused() =>
        Assert.Equal(SiteMessages.RegionRequired, (Profile() with { Region = "" }).Problems()[nameof(SiteProfile.Region)]);

    [Fact]
    public void A_region_of_another_methodology_is_refused_with_the_allowed_keys()
    {
        var problem = Catalog.Problems(Profile() with { Region = "Scotland" })[nameof(SiteProfile.Region)];
        Assert.Contains("'Scotland' is not a region of the site's methodology", problem.En, StringComparison.Ordinal);
        Assert.Contains("Praha, Jihomoravsky", problem.En, StringComparison.Ordinal);
        Assert.Contains("Praha, Jihomoravsky", problem.Cs, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_of_the_methodology_is_accepted() =>
        Assert.False(Catalog.Problems(Profile() with { Region = "Jihomoravsky" }).ContainsKey(nameof(SiteProfile.Region)));
}
