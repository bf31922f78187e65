using System.Globalization;
using System.Resources;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;
using SoftTargets.Web.Features.Methodology.Rules;
using SoftTargets.Web.Resources;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleTestData;

namespace SoftTargets.UnitTests.Features.Methodology.Rules;

/// <summary>Every kind of rule node is read, evaluated with its reason, validated, described and offered by the builder.</summary>
public sealed class ConditionKindsTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Czech = CultureInfo.GetCultureInfo("cs-CZ");
    private static readonly ResourceManager Words = new(typeof(RuleStrings));

    /// <summary>
    /// A finished node of each kind, one left unfinished or wrong (the validator names it at the path), and a site for
    /// which the finished node holds. A new kind fails <see cref="Every_kind_has_an_example_here"/> until it is added.
    /// </summary>
    private static readonly Dictionary<string, (Condition Finished, Condition Wrong, string ProblemPath, RuleFacts Holds)> Examples = new()
    {
        ["all"] = (All(Occupancy(gte: 800), Attribute("outdoor-queues")), new Condition { All = [] }, "$.rule.all", Site(attributes: ["outdoor-queues"])),
        ["any"] = (Any(Occupancy(gte: 5000), VenueTypeIn("stadium")), new Condition { Any = [] }, "$.rule.any", Site()),
        ["not"] = (Not(VenueTypeIn("school")), Not(VenueTypeIn("nowhere")), "$.rule.not.venueTypeIn[0]", Site()),
        ["venueTypeIn"] = (VenueTypeIn("stadium", "school"), VenueTypeIn("stadium", "nowhere"), "$.rule.venueTypeIn[1]", Site()),
        ["occupancy"] = (Occupancy(gte: 800, lt: 2000), new Condition { Occupancy = new NumberComparison() }, "$.rule.occupancy", Site()),
        ["attribute"] = (Attribute("outdoor-queues"), Attribute("nothing"), "$.rule.attribute", Site(attributes: ["outdoor-queues"])),
        ["threat"] = (Threat("firearms", 12), Threat("firearms", 30), "$.rule.threat.riskAtLeast", Site(firearmsRisk: 16)),
        ["tierIn"] = (TierIn("enhanced"), TierIn("nothing"), "$.rule.tierIn[0]", Site(tier: "enhanced")),
        ["attendance"] = (new Condition { Attendance = new NumberComparison { Gte = 5000 } }, new Condition { Attendance = new NumberComparison() },
            "$.rule.attendance", Site() with { Attendance = 6000 }),
    };

    public static TheoryData<string> KindNames() => [.. ConditionKinds.Ordered.Select(k => k.Name)];

    [Fact]
    public void Every_condition_kind_class_is_listed_once_in_the_registry()
    {
        var classes = typeof(ConditionKind).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ConditionKind)) && !t.IsAbstract)
            .OrderBy(t => t.Name).ToList();

        Assert.Equal(classes, ConditionKinds.Ordered.Select(k => k.GetType()).OrderBy(t => t.Name));
        Assert.Equal(ConditionKinds.Ordered.Count, ConditionKinds.Ordered.Select(k => k.Name).Distinct().Count());
    }

    [Fact]
    public void Every_kind_has_an_example_here()
    {
        Assert.Equal(ConditionKinds.Ordered.Select(k => k.Name).Order(), Examples.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void A_node_of_the_kind_is_read_as_that_kind(string name)
    {
        var (finished, wrong, _, _) = Examples[name];

        Assert.Equal(name, ConditionKinds.Of(finished)?.Name);
        Assert.Equal(name, ConditionKinds.Of(wrong)?.Name);
        Assert.Same(ConditionKinds.Named(name), ConditionKinds.Of(finished));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_kind_is_evaluated_with_a_reason_of_its_own(string name)
    {
        var (finished, _, _, holds) = Examples[name];
        var fails = Site(venueType: "school", occupancy: 100);

        var held = Evaluator.Evaluate(finished, holds);
        var failed = Evaluator.Evaluate(finished, fails);

        Assert.True(held.Holds, held.Reason.En);
        Assert.True(Evaluator.Holds(finished, holds));
        Assert.Equal(failed.Holds, Evaluator.Holds(finished, fails));
        Assert.DoesNotContain("no condition", held.Reason.En);
        Assert.DoesNotContain("bez podmínky", held.Reason.Cs);
        Assert.DoesNotContain("no condition", failed.Reason.En);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_kind_is_validated(string name)
    {
        var (finished, wrong, path, _) = Examples[name];

        Assert.Empty(Check(finished));
        Assert.Contains(path, Check(wrong).Select(p => p.Path));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_kind_is_described_in_both_languages(string name)
    {
        var (finished, wrong, _, _) = Examples[name];
        var unchosen = Words.GetString("Summary_Unchosen", English)!;

        foreach (var culture in new[] { English, Czech })
        {
            foreach (var rule in new[] { finished, wrong })
            {
                var words = RuleSummary.Describe(rule, Document, culture);
                Assert.DoesNotContain("Summary_", words);
                Assert.False(string.IsNullOrWhiteSpace(words));
            }
        }
        Assert.DoesNotContain(unchosen, RuleSummary.Describe(finished, Document, English), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void The_builder_offers_the_kind_with_its_label(string name)
    {
        var started = RuleKinds.Change(new Condition(), name);

        Assert.Equal(name, RuleKinds.Of(started));
        Assert.Contains(name, RuleKinds.Ordered);
        Assert.NotNull(Words.GetString($"Kind_{name}", English));
        Assert.NotEqual(Words.GetString($"Kind_{name}", English), Words.GetString($"Kind_{name}", Czech));
    }

    [Fact]
    public void A_node_with_two_members_or_none_is_refused_naming_every_kind()
    {
        var problems = Check(new Condition { Attribute = "outdoor-queues", Occupancy = new NumberComparison { Gte = 1 } });

        var problem = Assert.Single(problems);
        Assert.Equal("Each rule must be exactly one of: all, any, not, venueTypeIn, occupancy, attribute, threat, tierIn, attendance.", problem.En);
        Assert.Single(Check(new Condition()));
    }

    private static List<(string Path, string En)> Check(Condition rule)
    {
        var problems = new List<(string Path, string En)>();
        new RuleCheck(new KnownKeys(Document), insideTier: false, (path, en, _) => problems.Add((path, en))).Rule(rule, "$.rule");
        return problems;
    }
}
