using System.Text.RegularExpressions;

namespace SoftTargets.UnitTests.Web.Resources;

/// <summary>One word for one thing: the pages call the place being protected a site, everywhere.</summary>
public partial class ResourceParityTests
{
    [Theory]
    [MemberData(nameof(ResourceFiles))]
    public void English_texts_call_a_site_a_site_and_say_venue_only_in_venue_manager_and_venue_type(string resource)
    {
        var venues = Load(resource + ".resx").Where(t => VenueForSite().IsMatch(t.Value)).Select(t => t.Key).ToList();

        Assert.True(venues.Count == 0, $"{resource}: [{string.Join(", ", venues)}] call a site a venue");
    }

    [GeneratedRegex(@"\bvenues?\b(?!['’]?s?\s+(managers?|types?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex VenueForSite();
}
