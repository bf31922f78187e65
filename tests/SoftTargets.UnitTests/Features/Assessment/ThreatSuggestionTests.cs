using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.UnitTests.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Assessment;

public class ThreatSuggestionTests
{
    private static readonly MethodologyDocument Methodology = GuidelineTestData.Small with
    {
        Measures =
        [
            .. GuidelineTestData.Small.Measures,
            Measure("DET-01", Any(Attribute("outdoor-queues"), Threat("arson"))),
            Measure("RES-02", Not(Threat("cbrn"))),
            Measure("RES-03", All(TierIn("enhanced"), Threat("firearms"))),
        ],
    };

    [Fact]
    public void A_threat_whose_measures_apply_only_at_high_risk_is_suggested_with_those_measures()
    {
        var suggestions = new ThreatSuggestions(Methodology).For(GuidelineTestData.Site("stadium", 500));

        Assert.Equal(["RES-01"], suggestions["firearms"].Select(m => m.Key));
        Assert.Equal("Title RES-01", suggestions["firearms"][0].Title.En);
    }

    [Fact]
    public void A_threat_that_adds_no_measure_is_not_suggested()
    {
        var suggestions = new ThreatSuggestions(Methodology).For(GuidelineTestData.Site("stadium", 500) with { Attributes = ["outdoor-queues"] });

        // DET-01 already applies because of the queues; cbrn only takes RES-02 away.
        Assert.Empty(suggestions["arson"]);
        Assert.Empty(suggestions["cbrn"]);
    }

    [Fact]
    public void A_measure_already_applying_for_another_reason_does_not_make_a_suggestion_but_one_applying_only_with_the_threat_does()
    {
        var withoutQueues = new ThreatSuggestions(Methodology).For(GuidelineTestData.Site("stadium", 500));

        Assert.Equal(["DET-01"], withoutQueues["arson"].Select(m => m.Key));
    }

    [Fact]
    public void The_tier_is_decided_as_the_generator_decides_it_so_tier_bound_measures_count()
    {
        var enhanced = new ThreatSuggestions(Methodology).For(GuidelineTestData.Site("stadium", 5000));
        var standard = new ThreatSuggestions(Methodology).For(GuidelineTestData.Site("stadium", 500));

        Assert.Equal(["RES-01", "RES-03"], enhanced["firearms"].Select(m => m.Key));
        Assert.DoesNotContain("RES-03", standard["firearms"].Select(m => m.Key));
    }

    [Fact]
    public void An_assessed_threat_is_compared_with_the_site_without_it_whatever_its_own_rating()
    {
        var site = GuidelineTestData.Site("stadium", 500) with { Threats = [new ThreatSnapshot("firearms", 1, 1, 1, 1)] };

        var suggestions = new ThreatSuggestions(Methodology).For(site);

        Assert.Equal(["RES-01"], suggestions["firearms"].Select(m => m.Key));
    }

    [Fact]
    public void Every_catalogue_threat_has_an_entry_and_measures_come_in_the_methodologys_order_every_time()
    {
        var site = GuidelineTestData.Site("shopping-centre", 6000) with { Attributes = ["underground-parking", "glass-facades"] };

        var first = new ThreatSuggestions(GuidelineTestData.Seeded).For(site);
        var second = new ThreatSuggestions(GuidelineTestData.Seeded).For(site);

        Assert.Equal(GuidelineTestData.Seeded.ThreatTypes.Select(t => t.Key).Order(), first.Keys.Order());
        var order = GuidelineTestData.Seeded.Measures.Select(m => m.Key).ToList();
        foreach (var (threat, measures) in first)
        {
            Assert.Equal(measures.Select(m => m.Key), second[threat].Select(m => m.Key));
            Assert.Equal(measures.Select(m => order.IndexOf(m.Key)).Order(), measures.Select(m => order.IndexOf(m.Key)));
        }
        Assert.Contains("RES-13", first["hostage-taking"].Select(m => m.Key));
    }

    [Fact]
    public void The_catalogue_shows_assessed_threats_first_then_suggested_ones_then_the_rest_in_catalogue_order()
    {
        var site = GuidelineTestData.Site("stadium", 500) with { Threats = [new ThreatSnapshot("cbrn", 2, 3, 1, 3)] };

        var rows = ThreatCatalogue.Build(Methodology, site, new Dictionary<string, string> { ["cbrn"] = "Chemicals stored nearby." });

        Assert.Equal(["cbrn", "firearms", "arson"], rows.Select(r => r.Key));
        Assert.Equal([true, false, false], rows.Select(r => r.IsAssessed));
        Assert.Equal([false, true, true], rows.Select(r => r.IsSuggested));
        Assert.Equal("Chemicals stored nearby.", rows[0].Assessment!.Rationale);
        Assert.Equal(6, rows[0].Assessment!.InherentScore);
        Assert.Equal(3, rows[0].Assessment!.ResidualScore);
    }

    [Fact]
    public void A_threat_assessed_under_an_older_catalogue_stays_visible_by_its_key()
    {
        var site = GuidelineTestData.Site("stadium", 500) with { Threats = [new ThreatSnapshot("drone-borne-ied", 2, 2, 1, 2)] };

        var rows = ThreatCatalogue.Build(Methodology, site);

        Assert.Equal("drone-borne-ied", rows[0].Key);
        Assert.Equal("drone-borne-ied", rows[0].Name.En);
        Assert.True(rows[0].IsAssessed);
    }

    private static MeasureTemplate Measure(string key, Condition? appliesWhen) => new()
    {
        Key = key,
        Category = "Response",
        Priority = MeasurePriority.Recommended,
        Role = "security-lead",
        Title = new($"Title {key}", $"Název {key}"),
        AppliesWhen = appliesWhen,
    };
}
