using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Sites;

namespace SoftTargets.UnitTests.Domain.Sites;

public class SiteProfileTests
{
    internal static SiteProfile Valid() => new(
        Name: "Riverside Arena",
        Address: "Nábřeží 1, Praha",
        Region: "Praha",
        VenueTypeKey: "arena",
        MaxOccupancy: 12_000,
        DailyVisitors: 3_000,
        OpeningHours: "Mo-Su 08:00-23:00",
        Attributes: ["parking", "public-transport"]);

    [Fact]
    public void A_valid_profile_has_no_errors()
    {
        Assert.Empty(Valid().Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1_000_000)]
    public void Maximum_occupancy_at_the_bounds_is_valid(int occupancy)
    {
        Assert.Empty((Valid() with { MaxOccupancy = occupancy }).Validate());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000_000)]
    public void Daily_visitors_at_the_bounds_are_valid(int visitors)
    {
        Assert.Empty((Valid() with { DailyVisitors = visitors }).Validate());
    }

    [Fact]
    public void A_name_of_exactly_200_characters_after_trimming_is_valid()
    {
        Assert.Empty((Valid() with { Name = "  " + new string('n', 200) + "  " }).Validate());
    }

    public static TheoryData<SiteProfile, string> InvalidProfiles()
    {
        var valid = Valid();
        return new TheoryData<SiteProfile, string>
        {
            { valid with { Name = "" }, nameof(SiteProfile.Name) },
            { valid with { Name = "   " }, nameof(SiteProfile.Name) },
            { valid with { Name = new string('n', 201) }, nameof(SiteProfile.Name) },
            { valid with { Address = "" }, nameof(SiteProfile.Address) },
            { valid with { Address = " \t " }, nameof(SiteProfile.Address) },
            { valid with { Region = "" }, nameof(SiteProfile.Region) },
            { valid with { Region = new string('r', 33) }, nameof(SiteProfile.Region) },
            { valid with { VenueTypeKey = "" }, nameof(SiteProfile.VenueTypeKey) },
            { valid with { MaxOccupancy = -1 }, nameof(SiteProfile.MaxOccupancy) },
            { valid with { MaxOccupancy = 1_000_001 }, nameof(SiteProfile.MaxOccupancy) },
            { valid with { DailyVisitors = -1 }, nameof(SiteProfile.DailyVisitors) },
            { valid with { DailyVisitors = 10_000_001 }, nameof(SiteProfile.DailyVisitors) },
        };
    }

    [Theory]
    [MemberData(nameof(InvalidProfiles))]
    public void Each_invalid_field_gives_one_message_keyed_by_its_name(SiteProfile profile, string field)
    {
        var errors = profile.Validate();

        var entry = Assert.Single(errors);
        Assert.Equal(field, entry.Key);
        var message = Assert.Single(entry.Value);
        Assert.False(string.IsNullOrWhiteSpace(message));
    }

    [Fact]
    public void Several_invalid_fields_are_all_reported()
    {
        var profile = Valid() with { Name = "", Address = "", VenueTypeKey = "", MaxOccupancy = -5 };

        var errors = profile.Validate();

        Assert.Equal(
            new[] { nameof(SiteProfile.Address), nameof(SiteProfile.MaxOccupancy), nameof(SiteProfile.Name), nameof(SiteProfile.VenueTypeKey) },
            errors.Keys.Order(StringComparer.Ordinal));
    }
}
