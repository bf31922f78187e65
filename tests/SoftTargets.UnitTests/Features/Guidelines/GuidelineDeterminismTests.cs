using System.Globalization;
using System.Text.Json;
using SoftTargets.Core.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelineDeterminismTests
{
    private static readonly SiteSnapshot Rich = new()
    {
        Name = "Městská hala Vodova",
        Address = "Vodova 108, Brno",
        VenueTypeKey = "sports-hall",
        MaxOccupancy = 3200,
        DailyVisitors = 900,
        Attributes = ["outdoor-queues", "alcohol-served", "underground-parking"],
        Zones =
        [
            new ZoneSnapshot("Arena", 2800, 4, "Parking lot east", "Locker rooms"),
            new ZoneSnapshot("Foyer", 400, 2, "Tram stop square", ""),
        ],
        Contacts =
        [
            new ContactSnapshot("security-lead", "Marek Dvořák", "+420 603 111 222", "marek@example.cz", false),
            new ContactSnapshot("security-lead", "Lucie Horáková", "+420 603 111 333", "", true),
            new ContactSnapshot("duty-manager", "Tomáš Beneš", "+420 603 111 444", "", false),
            new ContactSnapshot("communications-lead", "Ivana Pokorná", "", "", false),
        ],
        Threats = [new ThreatSnapshot("firearms", 2, 5, 1, 4), new ThreatSnapshot("arson", 3, 3, 2, 2), new ThreatSnapshot("ied", 2, 4, 1, 3)],
        Answers = new Dictionary<string, int> { ["Q-GOV-01"] = 2, ["Q-GOV-02"] = 1, ["Q-GOV-03"] = 5 },
    };

    private static readonly SiteSnapshot Reordered = Rich with
    {
        Attributes = [.. Rich.Attributes.Reverse()],
        Zones = [.. Rich.Zones.Reverse()],
        Contacts = [.. Rich.Contacts.Reverse()],
        Threats = [.. Rich.Threats.Reverse()],
        Answers = Rich.Answers.Reverse().ToDictionary(),
    };

    [Fact]
    public void The_same_input_gives_the_same_guideline_and_hash()
    {
        var first = SeededGenerator.Generate(Rich);
        var second = new GuidelineGenerator(Seeded, "seed-v1").Generate(Rich);

        Assert.Equal(JsonSerializer.Serialize(first), JsonSerializer.Serialize(second));
        Assert.Equal(first.InputsHash, second.InputsHash);
        Assert.Matches("^[0-9a-f]{64}$", first.InputsHash);
    }

    [Fact]
    public void Reordering_the_site_s_lists_changes_nothing()
    {
        var original = SeededGenerator.Generate(Rich);
        var reordered = SeededGenerator.Generate(Reordered);

        Assert.Equal(original.InputsHash, reordered.InputsHash);
        Assert.Equal(JsonSerializer.Serialize(original), JsonSerializer.Serialize(reordered));
    }

    [Fact]
    public void The_current_culture_does_not_change_the_guideline()
    {
        var expected = JsonSerializer.Serialize(SeededGenerator.Generate(Rich));
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
            Assert.Equal(expected, JsonSerializer.Serialize(SeededGenerator.Generate(Rich)));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    public static TheoryData<string> Changes => ["name", "occupancy", "zone", "contact", "threat rating", "answer", "attribute", "version"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void Any_changed_input_changes_the_hash(string change)
    {
        var changed = change switch
        {
            "name" => Rich with { Name = "Hala Vodova" },
            "occupancy" => Rich with { MaxOccupancy = 3201 },
            "zone" => Rich with { Zones = [Rich.Zones[0] with { AssemblyPoint = "Parking lot west" }, Rich.Zones[1]] },
            "contact" => Rich with { Contacts = [.. Rich.Contacts.Skip(1), Rich.Contacts[0] with { IsDeputy = true }] },
            "threat rating" => Rich with { Threats = [Rich.Threats[0] with { ResidualImpact = 3 }, .. Rich.Threats.Skip(1)] },
            "answer" => Rich with { Answers = new Dictionary<string, int>(Rich.Answers) { ["Q-GOV-03"] = 4 } },
            "attribute" => Rich with { Attributes = [.. Rich.Attributes.Skip(1)] },
            _ => Rich,
        };
        var generator = change == "version" ? new GuidelineGenerator(Seeded, "seed-v2") : SeededGenerator;

        Assert.NotEqual(SeededGenerator.Generate(Rich).InputsHash, generator.Generate(changed).InputsHash);
    }

    [Fact]
    public void One_generator_serves_many_sites_in_parallel_with_the_same_results()
    {
        var sites = Enumerable.Range(0, 200).Select(i => Rich with { Name = $"Site {i}", MaxOccupancy = i * 20 }).ToList();
        var sequential = sites.Select(s => JsonSerializer.Serialize(SeededGenerator.Generate(s))).ToList();

        var parallel = sites.AsParallel().AsOrdered().Select(s => JsonSerializer.Serialize(SeededGenerator.Generate(s))).ToList();

        Assert.Equal(sequential, parallel);
    }
}
