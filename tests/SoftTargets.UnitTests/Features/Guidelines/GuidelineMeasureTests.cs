using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Features.Guidelines.GuidelineTestData;

namespace SoftTargets.UnitTests.Features.Guidelines;

public class GuidelineMeasureTests
{
    public static TheoryData<string, int, string[], string[]> SeededSites => new()
    {
        { "stadium", 150, [], [] },
        { "stadium", 15000, ["outdoor-queues", "underground-parking"], ["ied", "drone-borne-ied"] },
        { "school", 900, ["children-present"], ["firearms"] },
        { "place-of-worship", 400, ["religious-symbolic", "glass-facades"], ["hoax-suspicious-item", "arson"] },
    };

    [Theory]
    [MemberData(nameof(SeededSites))]
    public void Every_seeded_measure_is_listed_in_order_as_the_evaluator_decides(string venueType, int occupancy, string[] attributes, string[] threats)
    {
        var site = Site(venueType, occupancy, threats) with { Attributes = attributes };
        var evaluator = new RuleEvaluator(Seeded);
        var facts = new RuleFacts(venueType, occupancy, attributes.ToHashSet(), threats.ToDictionary(t => t, _ => 12), null);
        facts = facts with { Tier = evaluator.FindTier(facts)?.Key };

        var guideline = SeededGenerator.Generate(site);

        Assert.Equal(Seeded.Measures.Select(m => m.Key), guideline.Measures.Select(m => m.Key));
        foreach (var (template, measure) in Seeded.Measures.Zip(guideline.Measures))
        {
            var outcome = evaluator.Evaluate(template.AppliesWhen, facts);
            Assert.Equal(outcome.Holds, measure.Applies);
            Assert.Equal(outcome.Reason, measure.Reason);
            Assert.False(string.IsNullOrWhiteSpace(measure.Reason.En));
            Assert.False(string.IsNullOrWhiteSpace(measure.Reason.Cs));
        }
    }

    [Fact]
    public void A_measure_carries_its_template_s_fields()
    {
        var measure = SmallGenerator.Generate(FullSite).Measures[0];

        Assert.Equal(("GOV-01", true, "Governance", MeasurePriority.Essential, "security-lead", 12),
            (measure.Key, measure.Applies, measure.Category, measure.Priority, measure.Role, measure.ReviewMonths));
        Assert.Equal(Small.Measures[0].Title, measure.Title);
        Assert.Equal("Applies to every site.", measure.Reason.En);
    }

    [Fact]
    public void An_excluded_measure_says_why()
    {
        var guideline = SmallGenerator.Generate(Site("stadium", 500));

        var queues = Assert.Single(guideline.Measures, m => m.Key == "ACC-01");
        Assert.False(queues.Applies);
        Assert.StartsWith("Excluded because", queues.Reason.En);
        Assert.Equal("Excluded because attribute “Queues form outside” is not set.", queues.Reason.En);
        Assert.Equal("Neplatí, protože vlastnost „Fronty se tvoří venku“ není nastavena.", queues.Reason.Cs);
        Assert.DoesNotContain(guideline.Applicable, m => m.Key == "ACC-01");
    }

    [Fact]
    public void A_measure_can_depend_on_the_tier_the_generator_determined()
    {
        var enhanced = SmallGenerator.Generate(Site("stadium", 800));
        var standard = SmallGenerator.Generate(Site("stadium", 799));

        var plan = Assert.Single(enhanced.Measures, m => m.Key == "GOV-02");
        Assert.True(plan.Applies);
        Assert.Equal("Applies because tier is Enhanced.", plan.Reason.En);
        Assert.False(standard.Measures.Single(m => m.Key == "GOV-02").Applies);
    }

    [Fact]
    public void A_measure_can_depend_on_a_threat_s_inherent_risk()
    {
        var high = SmallGenerator.Generate(Site() with { Threats = [new ThreatSnapshot("firearms", 3, 4, 1, 1)] });
        var low = SmallGenerator.Generate(Site() with { Threats = [new ThreatSnapshot("firearms", 2, 5, 1, 1)] });

        Assert.Equal("Applies because Firearms attack is assessed at risk 12 (at least 12).", high.Measures.Single(m => m.Key == "RES-01").Reason.En);
        Assert.Equal("Excluded because Firearms attack is assessed at risk 10, below 12.", low.Measures.Single(m => m.Key == "RES-01").Reason.En);
    }

    [Fact]
    public void A_weak_answer_lists_the_measures_it_calls_for_once_each_in_key_order()
    {
        var guideline = SmallGenerator.Generate(Site("stadium", 500) with
        {
            Answers = new Dictionary<string, int> { ["Q-ACC-01"] = 1, ["Q-GOV-01"] = 1, ["Q-UNKNOWN"] = 1 },
        });

        Assert.Equal(
            [
                new CalledMeasure("Q-GOV-01", 1, "GOV-01", true),
                new CalledMeasure("Q-GOV-01", 1, "GOV-02", false),
                new CalledMeasure("Q-ACC-01", 1, "ACC-01", false),
                new CalledMeasure("Q-ACC-01", 1, "RES-01", false),
            ],
            guideline.CalledByAnswers);
    }

    [Fact]
    public void A_strong_answer_calls_for_nothing()
    {
        var guideline = SmallGenerator.Generate(FullSite);

        Assert.Equal(["GOV-01", "GOV-02"], guideline.CalledByAnswers.Select(c => c.MeasureKey));
        Assert.All(guideline.CalledByAnswers, c => Assert.True(c.Applies));
    }

    [Fact]
    public void A_weak_seeded_answer_calls_for_the_seeded_measures()
    {
        var guideline = SeededGenerator.Generate(Site("stadium", 150) with { Answers = new Dictionary<string, int> { ["Q-GOV-01"] = 1 } });

        Assert.Equal(["COM-04", "GOV-01"], guideline.CalledByAnswers.Select(c => c.MeasureKey));
        Assert.All(guideline.CalledByAnswers, c => Assert.Equal(("Q-GOV-01", 1), (c.QuestionKey, c.Level)));
        Assert.True(guideline.CalledByAnswers.Single(c => c.MeasureKey == "GOV-01").Applies);
    }
}
