using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Events;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Events;

/// <summary>Tiers and measures for an event: the site's facts plus the event's attendance and attributes.</summary>
public class EventTierTests
{
    private static SiteSnapshot WithEvent(SiteSnapshot site, int attendance, params string[] attributes) =>
        site with { Event = new EventSnapshot("Open day", attendance, attributes) };

    [Fact]
    public void A_large_event_at_a_small_venue_raises_its_tier_and_the_reason_says_the_occupancy_it_brings()
    {
        var venue = Site("stadium", 300);

        var venueGuideline = SeededGenerator.Generate(venue);
        var eventGuideline = SeededGenerator.Generate(WithEvent(venue, 6000));

        Assert.Equal("standard", venueGuideline.Tier);
        Assert.Equal("enhanced", eventGuideline.Tier);
        Assert.Contains("occupancy 6,000 ≥ 800", eventGuideline.TierReason.En);
        var checklist = EventChecklist.Compare(venueGuideline, eventGuideline, Seeded.Tiers);
        Assert.True(checklist.RaisesTier);
        Assert.Contains(checklist.AddedMeasures, m => m.Key == "GOV-03"); // the designated senior individual of the enhanced tier
    }

    [Fact]
    public void A_school_event_stays_standard_however_many_come()
    {
        var school = Site("school", 650);

        var checklist = EventChecklist.Compare(SeededGenerator.Generate(school), SeededGenerator.Generate(WithEvent(school, 3000)), Seeded.Tiers);

        Assert.Equal("standard", checklist.EventTier);
        Assert.False(checklist.RaisesTier);
    }

    [Fact]
    public void A_small_event_never_lowers_the_venues_occupancy()
    {
        var facts = SnapshotFacts.Of(WithEvent(Site("stadium", 15000), 400), new Dictionary<string, int>());

        Assert.Equal(15000, facts.MaxOccupancy);
        Assert.Equal(400, facts.Attendance);
    }

    [Fact]
    public void The_events_attributes_count_with_the_sites_and_add_the_measures_they_trigger()
    {
        var venue = Site("concert-hall", 1200) with { Attributes = ["glass-facades"] };

        var eventGuideline = SeededGenerator.Generate(WithEvent(venue, 1000, "alcohol-served"));
        var checklist = EventChecklist.Compare(SeededGenerator.Generate(venue), eventGuideline, Seeded.Tiers);

        var alcohol = Seeded.Measures.First(m => m.AppliesWhen == Attribute("alcohol-served")).Key;
        Assert.Contains(checklist.AddedMeasures, m => m.Key == alcohol);
        Assert.DoesNotContain(checklist.AddedMeasures, m => m.Key == "EVT-02");
        Assert.Contains(checklist.AddedMeasures, m => m.Key == "EVT-01");
    }

    [Fact]
    public void Without_an_event_no_attendance_measure_applies_to_the_venue()
    {
        var guideline = SeededGenerator.Generate(Site("stadium", 50000));

        Assert.DoesNotContain(guideline.Applicable, m => m.Key is "EVT-01" or "EVT-02");
        Assert.Contains("there is no event", guideline.Measures.Single(m => m.Key == "EVT-02").Reason.En);
    }

    [Fact]
    public void A_venue_guideline_keeps_its_inputs_hash_when_events_exist_in_the_model()
    {
        var venue = FullSite;

        var plain = SeededGenerator.Generate(venue).InputsHash;
        var withEvent = SeededGenerator.Generate(WithEvent(venue, 5000)).InputsHash;

        Assert.Equal(plain, SeededGenerator.Generate(venue with { Event = null }).InputsHash);
        Assert.NotEqual(plain, withEvent);
    }

    [Theory]
    [InlineData("enhanced", "standard", true)]
    [InlineData("standard", "enhanced", false)]
    [InlineData("standard", null, true)]
    [InlineData(null, "standard", false)]
    [InlineData("standard", "standard", false)]
    public void An_earlier_tier_in_the_methodology_is_the_higher_one(string? tier, string? than, bool higher)
    {
        Assert.Equal(higher, EventChecklist.IsHigher(tier, than, Seeded.Tiers));
    }

    [Fact]
    public void A_tier_rule_may_read_the_attendance_directly()
    {
        var document = Small with
        {
            Tiers = [new TierRule("event", new("Event", "Akce"), new Condition { Attendance = new NumberComparison { Gte = 5000 } }), .. Small.Tiers],
        };
        var evaluator = new RuleEvaluator(document);

        var forEvent = evaluator.DetermineTier(new RuleFacts("stadium", 300, new HashSet<string>(), new Dictionary<string, int>(), null, 5000));
        var forVenue = evaluator.DetermineTier(new RuleFacts("stadium", 300, new HashSet<string>(), new Dictionary<string, int>(), null));

        Assert.Equal("event", forEvent.Tier?.Key);
        Assert.Equal("Tier Event because event attendance 5,000 ≥ 5,000.", forEvent.Reason.En);
        Assert.Equal("Úroveň Akce, protože návštěvnost akce 5\u00A0000 ≥ 5\u00A0000.", forEvent.Reason.Cs);
        Assert.Equal("standard", forVenue.Tier?.Key);
    }
}
