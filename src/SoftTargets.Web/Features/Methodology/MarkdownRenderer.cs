using Ganss.Xss;
using Markdig;

namespace SoftTargets.Web.Features.Methodology;

/// <summary>
/// Turns authored Markdown (measure guidance, evidence) into HTML that is safe to show: Markdig with raw
/// HTML disabled, then an allow-list sanitiser as a second line of defence.
/// </summary>
public static class MarkdownRenderer
{
    // Advanced extensions stay off: only pipe tables and ~~strike~~ / ++insert++ / ==mark== / ^sup^ / ~sub~.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    // Configured once here and never changed afterwards: Sanitize is then safe to call from any thread.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return "";
        var html = Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote",
                "h3", "h4", "h5", "h6", "a",
                "table", "thead", "tbody", "tr", "th", "td",
                // What the emphasis extras produce.
                "del", "ins", "mark", "sub", "sup",
            },
            // Pipe tables align columns with style="text-align: …"; nothing else may be styled.
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "style" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "text-align" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        // A heading level we do not allow (# and ##: the page owns h1 and h2) keeps its text.
        return new HtmlSanitizer(options) { KeepChildNodes = true, AllowDataAttributes = false };
    }
}
