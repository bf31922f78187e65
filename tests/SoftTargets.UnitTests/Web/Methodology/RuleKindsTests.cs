using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Web.Methodology.RuleCatalog;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Web.Methodology;

public class RuleKindsTests
{
    [Fact]
    public void The_kind_is_the_first_member_set()
    {
        Assert.Null(RuleKinds.Of(null));
        Assert.Null(RuleKinds.Of(new Condition()));
        Assert.Equal(RuleKinds.All, RuleKinds.Of(All()));
        Assert.Equal(RuleKinds.Attribute, RuleKinds.Of(Attribute("")));
        Assert.Equal(RuleKinds.Threat, RuleKinds.Of(Threat("firearms")));
    }

    [Theory]
    [InlineData(RuleKinds.VenueTypeIn)]
    [InlineData(RuleKinds.Occupancy)]
    [InlineData(RuleKinds.Attribute)]
    [InlineData(RuleKinds.Threat)]
    [InlineData(RuleKinds.TierIn)]
    public void A_new_leaf_has_only_its_kind_and_nothing_chosen(string kind)
    {
        var leaf = RuleKinds.Change(new Condition(), kind);

        Assert.Equal(kind, RuleKinds.Of(leaf));
        Assert.Null(leaf.All);
        Assert.Null(leaf.Not);
    }

    [Fact]
    public void Switching_between_all_and_any_keeps_the_children()
    {
        var all = All(Occupancy(gte: 800), Attribute("outdoor-queues"));

        var any = RuleKinds.Change(all, RuleKinds.Any);

        Assert.Null(any.All);
        Assert.Same(all.All, any.Any);
    }

    [Fact]
    public void A_chosen_condition_moves_inside_a_new_combination()
    {
        var leaf = Occupancy(gte: 800);

        Assert.Equal([leaf], RuleKinds.Change(leaf, RuleKinds.All).All);
        Assert.Same(leaf, RuleKinds.Change(leaf, RuleKinds.Not).Not);
        Assert.Equal([new Condition()], RuleKinds.Change(new Condition(), RuleKinds.Any).Any);
        Assert.Equal(new Condition(), RuleKinds.Change(new Condition(), RuleKinds.Not).Not);
    }

    [Fact]
    public void Choosing_the_same_kind_changes_nothing()
    {
        var rule = VenueTypeIn("stadium");

        Assert.Same(rule, RuleKinds.Change(rule, RuleKinds.VenueTypeIn));
    }

    [Fact]
    public void Moving_a_limit_keeps_the_other_limits()
    {
        var between = new NumberComparison { Gte = 200, Lt = 800 };

        var moved = RuleKinds.SetLimit(between, "gte", "gt", 199);

        Assert.Equal(new NumberComparison { Gt = 199, Lt = 800 }, moved);
        Assert.Equal(new NumberComparison { Gte = 200, Lt = 800 }, between);
        Assert.Equal("gte", RuleKinds.PrimaryComparison(between));
        Assert.Equal(800, RuleKinds.Limit(between, "lt"));
    }
}
