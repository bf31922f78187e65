using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Bunit;
using SoftTargets.Web.Features.Methodology;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Web.Methodology;

public class MarkdownRendererTests
{
    [Fact]
    public void Bold_and_lists_are_rendered()
    {
        var html = MarkdownRenderer.ToSafeHtml("Keep **exits** clear:\n\n- north gate\n- south gate\n\n1. first\n2. second");

        Assert.Contains("<strong>exits</strong>", html);
        Assert.Contains("<ul>", html);
        Assert.Contains("<li>north gate</li>", html);
        Assert.Contains("<ol>", html);
    }

    [Fact]
    public void Pipe_tables_and_emphasis_extras_are_rendered()
    {
        var html = MarkdownRenderer.ToSafeHtml("| Zone | Capacity |\n|---|--:|\n| A | 200 |\n\n~~old~~ text");

        Assert.Contains("<table>", html);
        Assert.Contains("<th>Zone</th>", html);
        Assert.Contains("text-align: right", html);
        Assert.Contains("<del>old</del>", html);
    }

    [Fact]
    public void Web_and_mail_links_are_kept()
    {
        var html = MarkdownRenderer.ToSafeHtml("[NAKIT](https://example.org/guide) or [write](mailto:help@example.org)");

        Assert.Contains("href=\"https://example.org/guide\"", html);
        Assert.Contains("href=\"mailto:help@example.org\"", html);
    }

    [Fact]
    public void Javascript_links_lose_their_target()
    {
        var html = MarkdownRenderer.ToSafeHtml("[click](javascript:alert(1)) and <javascript:alert(2)>");

        Assert.DoesNotContain(Elements(html), e => e.HasAttribute("href"));
        Assert.Contains("click", html);
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_rendered()
    {
        var html = MarkdownRenderer.ToSafeHtml("Before <script>alert('x')</script> <b onclick=\"steal()\">bold</b>\n\n<div onclick=\"steal()\">block</div>\n\n<a href=\"#\" onclick=\"steal()\">link</a>");

        Assert.Equal(["p", "p", "p"], Elements(html).Select(e => e.LocalName));
        Assert.DoesNotContain(Elements(html), e => e.Attributes.Length > 0);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public void Page_level_headings_keep_their_text_without_the_heading()
    {
        var html = MarkdownRenderer.ToSafeHtml("# Title\n\n### Section");

        Assert.DoesNotContain("<h1", html);
        Assert.Contains("Title", html);
        Assert.Contains("<h3>Section</h3>", html);
    }

    [Fact]
    public void Code_is_kept_without_classes()
    {
        Assert.Contains("<code>code</code>", MarkdownRenderer.ToSafeHtml("`code`"));
        var block = MarkdownRenderer.ToSafeHtml("```csharp\nvar x = 1;\n```");
        Assert.Contains("<pre><code>var x = 1;", block);
        Assert.DoesNotContain("class=", block);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_renders_nothing(string? markdown) => Assert.Equal("", MarkdownRenderer.ToSafeHtml(markdown));

    private static IElement[] Elements(string html) =>
        new HtmlParser().ParseDocument(html).Body!.Descendants<IElement>().ToArray();

    [Fact]
    public void The_view_shows_the_safe_html_in_a_markdown_block()
    {
        using var context = new BunitContext();

        var view = context.Render<MarkdownView>(p => p.Add(v => v.Markdown, "**Lock** the doors <script>x()</script>"));

        var block = view.Find("div.markdown");
        Assert.Equal("Lock", block.QuerySelector("strong")?.TextContent);
        Assert.Null(block.QuerySelector("script"));
    }
}
