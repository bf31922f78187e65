using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using SoftTargets.Web.Components;

namespace SoftTargets.UnitTests.Web.Components;

public class FigureTests : BunitContext, IAsyncLifetime
{
    public FigureTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    [Fact]
    public void Renders_the_value_and_the_label()
    {
        var figure = Render<Figure>(p => p
            .Add(f => f.Value, "1 234")
            .Add(f => f.Label, "sites (980 with a plan)"));

        Assert.Equal("1 234", figure.Find(".figure-value").TextContent.Trim());
        Assert.Equal("sites (980 with a plan)", figure.Find(".figure-label").TextContent.Trim());
    }

    [Fact]
    public void Renders_the_id_on_the_figure()
    {
        var figure = Render<Figure>(p => p
            .Add(f => f.Value, "7")
            .Add(f => f.Label, "open findings")
            .Add(f => f.Id, "figure-findings"));

        var root = figure.Find("#figure-findings");
        Assert.Contains("figure", root.ClassList);
        Assert.Equal("7", root.QuerySelector(".figure-value")?.TextContent.Trim());
    }

    [Fact]
    public void Value_and_label_are_paragraphs_value_first()
    {
        var figure = Render<Figure>(p => p
            .Add(f => f.Value, "42")
            .Add(f => f.Label, "measures"));

        var paragraphs = figure.FindAll(".figure p");
        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("42", paragraphs[0].TextContent.Trim());
        Assert.Equal("measures", paragraphs[1].TextContent.Trim());
    }

    [Fact]
    public void Text_is_encoded_not_interpreted_as_markup()
    {
        var figure = Render<Figure>(p => p
            .Add(f => f.Value, "<b>5</b>")
            .Add(f => f.Label, "x"));

        Assert.Empty(figure.FindAll(".figure-value b"));
        Assert.Equal("<b>5</b>", figure.Find(".figure-value").TextContent.Trim());
    }

    [Fact]
    public void With_a_link_the_whole_card_leads_to_the_list_it_counts()
    {
        var figure = Render<Figure>(p => p
            .Add(f => f.Value, "5")
            .Add(f => f.Label, "measures overdue")
            .Add(f => f.Id, "fig-overdue")
            .Add(f => f.Href, "/measures?show=overdue"));

        var link = figure.Find("a#fig-overdue-link");
        Assert.Equal("/measures?show=overdue", link.GetAttribute("href"));
        Assert.Contains("5", link.TextContent);
        Assert.Contains("measures overdue", link.TextContent);
    }

    [Fact]
    public void Without_a_link_the_card_is_no_link()
    {
        var figure = Render<Figure>(p => p.Add(f => f.Value, "5").Add(f => f.Label, "operators"));

        Assert.Empty(figure.FindAll("a"));
    }
}
