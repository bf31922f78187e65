using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Web.Methodology.RuleCatalog;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Web.Methodology;

public class RuleBuilderTests : BunitContext, IAsyncLifetime
{
    private readonly List<Condition?> changes = [];

    public RuleBuilderTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private Condition? Last => Assert.Single(changes.TakeLast(1));

    private IRenderedComponent<RuleBuilder> RenderBuilder(Condition? value, bool allowTiers = true, bool readOnly = false) =>
        Render<RuleBuilder>(p => p
            .Add(b => b.Value, value)
            .Add(b => b.ValueChanged, v => changes.Add(v))
            .Add(b => b.Catalog, Document)
            .Add(b => b.AllowTiers, allowTiers)
            .Add(b => b.ReadOnly, readOnly));

    private static MudSelect<string> Select(IRenderedComponent<RuleBuilder> builder, string inputId) =>
        builder.FindComponents<MudSelect<string>>().Single(s => s.Instance.GetState(x => x.InputId) == inputId).Instance;

    private static MudNumericField<int?> Number(IRenderedComponent<RuleBuilder> builder, string inputId) =>
        builder.FindComponents<MudNumericField<int?>>().Single(s => s.Instance.GetState(x => x.InputId) == inputId).Instance;

    [Fact]
    public void Without_a_rule_it_applies_to_every_site_and_offers_to_add_a_condition()
    {
        var builder = RenderBuilder(null);

        Assert.Equal("Applies to every site", builder.Find("#rule-every-site").TextContent.Trim());
        Assert.Contains("Add condition", builder.Find("#rule-add").TextContent);
        Assert.Empty(builder.FindAll("#rule-kind"));
    }

    [Fact]
    public async Task Adding_then_choosing_occupancy_and_a_number_builds_the_condition()
    {
        var builder = RenderBuilder(null);

        builder.Find("#rule-add").Click();
        Assert.Equal(new Condition(), Last);
        Assert.Single(builder.FindAll("input#rule-kind"));

        await builder.InvokeAsync(() => Select(builder, "rule-kind").ValueChanged.InvokeAsync(RuleKinds.Occupancy));
        Assert.Equal(new Condition { Occupancy = new NumberComparison() }, Last);

        await builder.InvokeAsync(() => Number(builder, "rule-number").ValueChanged.InvokeAsync(800));
        Assert.Equal(new Condition { Occupancy = new NumberComparison { Gte = 800 } }, Last);
        Assert.Contains("Occupancy ≥ 800", builder.Find("#rule-summary").TextContent);
    }

    [Fact]
    public async Task Changing_the_comparison_moves_the_number()
    {
        var builder = RenderBuilder(Occupancy(gte: 800));

        await builder.InvokeAsync(() => Select(builder, "rule-comparison").ValueChanged.InvokeAsync("lt"));

        Assert.Equal(new Condition { Occupancy = new NumberComparison { Lt = 800 } }, Last);
    }

    [Fact]
    public async Task Choosing_venue_types_lists_their_keys()
    {
        var builder = RenderBuilder(VenueTypeIn());

        await builder.InvokeAsync(() => Select(builder, "rule-venue-types").SelectedValuesChanged.InvokeAsync(["stadium", "arena"]));

        Assert.Equal(["stadium", "arena"], Last!.VenueTypeIn);
        Assert.Contains("Venue type is Stadium or Arena", builder.Find("#rule-summary").TextContent);
    }

    [Fact]
    public async Task Choosing_a_threat_and_a_risk_builds_the_threat_condition()
    {
        var builder = RenderBuilder(null);
        builder.Find("#rule-add").Click();
        await builder.InvokeAsync(() => Select(builder, "rule-kind").ValueChanged.InvokeAsync(RuleKinds.Threat));

        await builder.InvokeAsync(() => Select(builder, "rule-threat").ValueChanged.InvokeAsync("firearms"));
        await builder.InvokeAsync(() => Number(builder, "rule-risk").ValueChanged.InvokeAsync(12));

        Assert.Equal(new Condition { Threat = new ThreatCondition { Type = "firearms", RiskAtLeast = 12 } }, Last);
    }

    [Fact]
    public void Removing_the_rule_sets_it_to_null()
    {
        var builder = RenderBuilder(Occupancy(gte: 800));

        builder.Find("#rule-remove").Click();

        Assert.Null(Last);
        Assert.Equal("Applies to every site", builder.Find("#rule-every-site").TextContent.Trim());
    }

    [Fact]
    public void An_all_of_two_shows_both_child_editors_indented_in_a_group()
    {
        var builder = RenderBuilder(All(Occupancy(gte: 800), VenueTypeIn("stadium")));

        Assert.Single(builder.FindAll("input#rule-kind"));
        Assert.Single(builder.FindAll("input#rule-0-kind"));
        Assert.Single(builder.FindAll("input#rule-1-kind"));
        Assert.Single(builder.FindAll("input#rule-0-number"));
        Assert.Single(builder.FindAll("input#rule-1-venue-types"));
        Assert.Equal("Remove condition 2", builder.Find("#rule-1-remove").GetAttribute("aria-label"));
        var group = builder.Find(".rule-children[role=group]");
        Assert.Contains("border-left", group.GetAttribute("style"));
        Assert.Equal(2, group.QuerySelectorAll(".rule-node").Length);
    }

    [Fact]
    public void Removing_a_child_keeps_the_others_without_changing_the_old_rule()
    {
        var children = new[] { Occupancy(gte: 800), VenueTypeIn("stadium"), Attribute("outdoor-queues") };
        var builder = RenderBuilder(All(children));

        builder.Find("#rule-1-remove").Click();

        Assert.Equal([children[0], children[2]], Last!.All);
        Assert.Equal(3, children.Length);
    }

    [Fact]
    public void Adding_a_child_appends_an_unchosen_condition()
    {
        var builder = RenderBuilder(Any(Attribute("outdoor-queues")));

        builder.Find("#rule-add").Click();

        Assert.Equal([Attribute("outdoor-queues"), new Condition()], Last!.Any);
        Assert.Single(builder.FindAll("input#rule-1-kind"));
    }

    [Fact]
    public async Task A_nested_change_rebuilds_the_path_to_the_root()
    {
        var builder = RenderBuilder(All(Occupancy(gte: 800), Not(VenueTypeIn("school"))));

        await builder.InvokeAsync(() => Select(builder, "rule-1-0-venue-types").SelectedValuesChanged.InvokeAsync(["school", "arena"]));

        var not = Last!.All![1].Not!;
        Assert.Equal(["school", "arena"], not.VenueTypeIn);
        Assert.Equal(Occupancy(gte: 800), Last.All[0]);
    }

    [Fact]
    public async Task Switching_to_all_keeps_the_chosen_condition_inside()
    {
        var builder = RenderBuilder(Occupancy(gte: 800));

        await builder.InvokeAsync(() => Select(builder, "rule-kind").ValueChanged.InvokeAsync(RuleKinds.All));

        Assert.Equal([Occupancy(gte: 800)], Last!.All);
        Assert.Single(builder.FindAll("input#rule-0-number"));
    }

    [Fact]
    public void Tiers_are_not_offered_for_a_tier_rule()
    {
        var kinds = RenderBuilder(new Condition(), allowTiers: false).FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value);

        Assert.DoesNotContain(RuleKinds.TierIn, kinds);
        Assert.Contains(RuleKinds.Occupancy, kinds);
    }

    [Fact]
    public void Read_only_offers_no_add_or_remove()
    {
        var builder = RenderBuilder(All(Occupancy(gte: 800)), readOnly: true);

        Assert.Empty(builder.FindAll("#rule-add"));
        Assert.Empty(builder.FindAll("#rule-remove"));
        Assert.Empty(builder.FindAll("#rule-0-remove"));
        Assert.True(Select(builder, "rule-kind").ReadOnly);
    }

    [Fact]
    public void Labels_and_summary_follow_the_current_language()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("cs-CZ");
            var builder = RenderBuilder(All(Occupancy(gte: 800), VenueTypeIn("stadium", "arena")));

            Assert.Equal("Podmínka", Select(builder, "rule-kind").Label);
            Assert.Contains("Obsazenost ≥ 800 a typ objektu je Stadion nebo Aréna", builder.Find("#rule-summary").TextContent);
            Assert.Contains("Odebrat pravidlo", builder.Find("#rule-remove").TextContent);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
