using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Impact;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.UnitTests.Features.Methodology.Impact;

public sealed class ImpactCalculatorTests
{
    private static readonly Guid Published = Guid.NewGuid();
    private static readonly Guid Older = Guid.NewGuid();

    private static MeasureTemplate Measure(string key, Condition? rule = null) => new()
    {
        Key = key, Role = "security-lead", Title = new LocalizedText(key, key), AppliesWhen = rule,
    };

    private static readonly MethodologyDocument PublishedDocument = new()
    {
        Tiers = [new TierRule("enhanced", new LocalizedText("Enhanced", "Rozšířená"), new Condition { Occupancy = new NumberComparison { Gte = 800 } })],
        Measures =
        [
            Measure("GOV-01"),
            Measure("GOV-02", new Condition { TierIn = ["enhanced"] }),
            Measure("ACC-01", new Condition { Attribute = "outdoor-queues" }),
        ],
    };

    private static ImpactSite Site(int occupancy, Guid baseline, params string[] attributes) =>
        new(Guid.NewGuid(), new RuleFacts("stadium", occupancy, attributes.ToHashSet(), new Dictionary<string, int>(), null), baseline);

    [Fact]
    public void An_unchanged_draft_affects_no_site()
    {
        var result = new ImpactCalculator(PublishedDocument, new Dictionary<Guid, MethodologyDocument> { [Published] = PublishedDocument })
            .Compute([Site(100, Published), Site(1000, Published, "outdoor-queues")]);

        Assert.Equal(2, result.SitesCompared);
        Assert.Empty(result.Changes);
    }

    [Fact]
    public void A_scope_in_the_draft_takes_the_measures_outside_its_baseline_from_the_sites_below_it()
    {
        var draft = PublishedDocument with
        {
            Scope = new MethodologyScope { When = new Condition { Occupancy = new NumberComparison { Gte = 50 } }, Baseline = ["GOV-01"] },
        };
        var cafe = Site(30, Published, "outdoor-queues");
        var hall = Site(300, Published, "outdoor-queues");

        var result = new ImpactCalculator(draft, new Dictionary<Guid, MethodologyDocument> { [Published] = PublishedDocument }).Compute([cafe, hall]);

        var change = Assert.Single(result.Changes);
        Assert.Equal(cafe.SiteId, change.SiteId);
        Assert.Equal(["ACC-01"], change.Lost);
        Assert.Empty(change.Gained);
    }

    [Fact]
    public void Gains_and_losses_follow_the_rules_including_the_tier_the_draft_gives()
    {
        var draft = PublishedDocument with
        {
            Tiers = [PublishedDocument.Tiers[0] with { When = new Condition { Occupancy = new NumberComparison { Gte = 500 } } }],
            Measures = [PublishedDocument.Measures[0], PublishedDocument.Measures[1], Measure("DET-01", new Condition { Occupancy = new NumberComparison { Gt = 900 } })],
        };
        var small = Site(100, Published);
        var middle = Site(600, Published, "outdoor-queues");
        var large = Site(1000, Published);

        var result = new ImpactCalculator(draft, new Dictionary<Guid, MethodologyDocument> { [Published] = PublishedDocument }).Compute([small, middle, large]);

        Assert.DoesNotContain(result.Changes, c => c.SiteId == small.SiteId);
        var middleChange = Assert.Single(result.Changes, c => c.SiteId == middle.SiteId);
        Assert.Equal(["GOV-02"], middleChange.Gained);
        Assert.Equal(["ACC-01"], middleChange.Lost);
        var largeChange = Assert.Single(result.Changes, c => c.SiteId == large.SiteId);
        Assert.Equal(["DET-01"], largeChange.Gained);
        Assert.Empty(largeChange.Lost);
        Assert.Equal(1, result.GainedByMeasure["GOV-02"]);
        Assert.Equal(1, result.LostByMeasure["ACC-01"]);
    }

    [Fact]
    public void Each_site_is_compared_with_the_version_its_plan_follows()
    {
        var olderDocument = PublishedDocument with { Measures = [PublishedDocument.Measures[0]] };
        var onOlder = Site(100, Older, "outdoor-queues");
        var onPublished = Site(100, Published, "outdoor-queues");

        var result = new ImpactCalculator(PublishedDocument, new Dictionary<Guid, MethodologyDocument>
        {
            [Published] = PublishedDocument, [Older] = olderDocument,
        }).Compute([onOlder, onPublished]);

        var change = Assert.Single(result.Changes);
        Assert.Equal(onOlder.SiteId, change.SiteId);
        Assert.Equal(["ACC-01"], change.Gained);
        Assert.Empty(change.Lost);
    }
}
