using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using MudBlazor.Services;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Web.Features.Methodology.Rules;
using static SoftTargets.UnitTests.Web.Methodology.RuleCatalog;

namespace SoftTargets.UnitTests.Web.Methodology;

/// <summary>The rule builder offers an event's attendance, edited like occupancy.</summary>
public class AttendanceRuleBuilderTests : BunitContext, IAsyncLifetime
{
    private readonly List<Condition?> changes = [];

    public AttendanceRuleBuilderTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Render<MudPopoverProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private IRenderedComponent<RuleBuilder> RenderBuilder(Condition? value) =>
        Render<RuleBuilder>(p => p
            .Add(b => b.Value, value)
            .Add(b => b.ValueChanged, v => changes.Add(v))
            .Add(b => b.Catalog, Document)
            .Add(b => b.AllowTiers, true));

    [Fact]
    public async Task Choosing_attendance_and_a_number_builds_the_attendance_condition()
    {
        var builder = RenderBuilder(null);
        builder.Find("#rule-add").Click();

        await builder.InvokeAsync(() => builder.FindComponents<MudSelect<string>>().Single(s => s.Instance.GetState(x => x.InputId) == "rule-kind")
            .Instance.ValueChanged.InvokeAsync(RuleKinds.Attendance));
        Assert.Equal(new Condition { Attendance = new NumberComparison() }, changes[^1]);

        await builder.InvokeAsync(() => builder.FindComponents<MudNumericField<int?>>().Single(s => s.Instance.GetState(x => x.InputId) == "rule-number")
            .Instance.ValueChanged.InvokeAsync(5000));
        Assert.Equal(new Condition { Attendance = new NumberComparison { Gte = 5000 } }, changes[^1]);
    }

    [Fact]
    public void An_attendance_rule_reads_in_words()
    {
        var builder = RenderBuilder(new Condition { Attendance = new NumberComparison { Gte = 5000 } });

        Assert.Contains("ttendance ≥ 5,000", builder.Find("#rule-summary").TextContent);
        Assert.Equal(RuleKinds.Attendance, RuleKinds.Of(new Condition { Attendance = new NumberComparison() }));
    }
}
