using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace SoftTargets.Core.Features.Plans.Export;

/// <summary>A page size and its margin, in twentieths of a point.</summary>
internal sealed record PageSetup(int Width, int Height, int Margin, int FontHalfPoints)
{
    public static PageSetup A4 { get; } = new(11906, 16838, 850, 20);
    public static PageSetup A6 { get; } = new(5953, 8391, 454, 17);

    public int TextWidth => Width - 2 * Margin;
}

/// <summary>A table column: its header and its share of the text width.</summary>
internal sealed record Column(string Header, int Weight);

/// <summary>
/// Writes a small Word document with the OpenXML SDK: named styles (Title, headings that Word's navigation
/// pane shows, a table style), paragraphs and tables with a repeating header row. Every text is stripped of
/// the characters XML cannot hold.
/// </summary>
internal sealed class WordBuilder
{
    private const string TableStyleId = "PlanTable";
    private const string TableTextStyleId = "TableText";

    private readonly Body _body = new();
    private readonly PageSetup _page;

    private WordBuilder(PageSetup page) => _page = page;

    public static byte[] Write(string title, string language, DateTimeOffset created, PageSetup page, Action<WordBuilder> write)
    {
        var builder = new WordBuilder(page);
        write(builder);
        builder._body.Append(new SectionProperties(
            new PageSize { Width = (uint)page.Width, Height = (uint)page.Height },
            new PageMargin
            {
                Top = page.Margin, Bottom = page.Margin, Left = (uint)page.Margin, Right = (uint)page.Margin,
                Header = (uint)page.Margin / 2, Footer = (uint)page.Margin / 2, Gutter = 0,
            }));

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(builder._body);
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles(language, page.FontHalfPoints);
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15",
            }));
            document.PackageProperties.Title = Clean(title);
            document.PackageProperties.Creator = "SoftTargets";
            document.PackageProperties.Language = language;
            document.PackageProperties.Created = created.UtcDateTime;
        }
        return stream.ToArray();
    }

    public void Title(string text) => _body.Append(Paragraph("Title", text));

    public void Heading1(string text, bool newPage = false) => _body.Append(Paragraph("Heading1", text, newPage: newPage));

    public void Heading2(string text) => _body.Append(Paragraph("Heading2", text));

    public void Heading3(string text) => _body.Append(Paragraph("Heading3", text));

    public void Text(string text, bool bold = false) => _body.Append(Paragraph(null, text, bold));

    /// <summary>"Label: value", the label in bold.</summary>
    public void Field(string label, string value)
    {
        var paragraph = Paragraph(null, label + ": ", bold: true);
        paragraph.Append(Runs(value, bold: false));
        _body.Append(paragraph);
    }

    public void Bullet(string text) => _body.Append(Paragraph("ListBullet", "•\t" + Clean(text)));

    /// <summary>A table with a header row that repeats on every page; cells may hold several lines.</summary>
    public void Table(IReadOnlyList<Column> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var total = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => _page.TextWidth * c.Weight / total).ToArray();
        var table = new Table(
            new TableProperties
            {
                TableStyle = new TableStyle { Val = TableStyleId },
                TableWidth = new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableLook = new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
            },
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));
        table.Append(Row(columns.Select(c => c.Header).ToList(), widths, header: true));
        foreach (var row in rows)
            table.Append(Row(row, widths, header: false));
        _body.Append(table);
        _body.Append(new Paragraph(new ParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0" } }));
    }

    /// <summary>The text without characters that XML 1.0 cannot hold (control characters, lone surrogates).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
                clean.Append(text[i]).Append(text[++i]);
            else if (XmlConvert.IsXmlChar(text[i]))
                clean.Append(text[i]);
        }
        return clean.ToString();
    }

    private static TableRow Row(IReadOnlyList<string> cells, int[] widths, bool header)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < widths.Length; i++)
        {
            var cell = new TableCell(new TableCellProperties { TableCellWidth = new TableCellWidth { Width = widths[i].ToString(), Type = TableWidthUnitValues.Dxa } });
            cell.Append(Paragraph(TableTextStyleId, i < cells.Count ? cells[i] : ""));
            row.Append(cell);
        }
        return row;
    }

    private static Paragraph Paragraph(string? style, string text, bool bold = false, bool newPage = false)
    {
        var paragraph = new Paragraph();
        if (style is not null || newPage)
        {
            paragraph.ParagraphProperties = new ParagraphProperties
            {
                ParagraphStyleId = style is null ? null : new ParagraphStyleId { Val = style },
                PageBreakBefore = newPage ? new PageBreakBefore() : null,
            };
        }
        paragraph.Append(Runs(text, bold));
        return paragraph;
    }

    /// <summary>One run per line, joined by line breaks; tabs kept as tabs; none for an empty text.</summary>
    private static IEnumerable<Run> Runs(string text, bool bold)
    {
        if (text.Length == 0)
            yield break;
        var lines = Clean(text).Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run();
            if (bold)
                run.RunProperties = new RunProperties { Bold = new Bold() };
            if (i > 0)
                run.Append(new Break());
            var parts = lines[i].Split('\t');
            for (var j = 0; j < parts.Length; j++)
            {
                if (j > 0)
                    run.Append(new TabChar());
                if (parts[j].Length > 0)
                    run.Append(new Text(parts[j]) { Space = SpaceProcessingModeValues.Preserve });
            }
            yield return run;
        }
    }

    private static Styles Styles(string language, int size) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle
            {
                RunFonts = new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri", EastAsia = "Calibri" },
                FontSize = new FontSize { Val = size.ToString() },
                FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString() },
                Languages = new Languages { Val = language },
            }),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "120", Line = "259", LineRule = LineSpacingRuleValues.Auto },
            })),
        new Style
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true,
            StyleName = new StyleName { Val = "Normal" }, PrimaryStyle = new PrimaryStyle(),
        },
        ParagraphStyle("Title", "Title", null, size * 13 / 5, "1F3864", new SpacingBetweenLines { After = "240" }),
        ParagraphStyle("Heading1", "heading 1", 0, size * 8 / 5, "1F3864", new SpacingBetweenLines { Before = "360", After = "120" }),
        ParagraphStyle("Heading2", "heading 2", 1, size * 13 / 10, "2F5496", new SpacingBetweenLines { Before = "240", After = "80" }),
        ParagraphStyle("Heading3", "heading 3", 2, size * 11 / 10, "2F5496", new SpacingBetweenLines { Before = "160", After = "60" }),
        new Style
        {
            Type = StyleValues.Paragraph, StyleId = "ListBullet",
            StyleName = new StyleName { Val = "List Bullet" }, BasedOn = new BasedOn { Val = "Normal" }, PrimaryStyle = new PrimaryStyle(),
            StyleParagraphProperties = new StyleParagraphProperties
            {
                SpacingBetweenLines = new SpacingBetweenLines { After = "60" },
                Indentation = new Indentation { Left = "360", Hanging = "360" },
            },
        },
        new Style
        {
            Type = StyleValues.Paragraph, StyleId = TableTextStyleId,
            StyleName = new StyleName { Val = "Table Text" }, BasedOn = new BasedOn { Val = "Normal" },
            StyleParagraphProperties = new StyleParagraphProperties { SpacingBetweenLines = new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto } },
            StyleRunProperties = new StyleRunProperties { FontSize = new FontSize { Val = (size * 9 / 10).ToString() } },
        },
        TableStyle());

    private static Style ParagraphStyle(string id, string name, int? outlineLevel, int size, string color, SpacingBetweenLines spacing) => new()
    {
        Type = StyleValues.Paragraph, StyleId = id,
        StyleName = new StyleName { Val = name }, BasedOn = new BasedOn { Val = "Normal" },
        NextParagraphStyle = new NextParagraphStyle { Val = "Normal" }, PrimaryStyle = new PrimaryStyle(),
        StyleParagraphProperties = new StyleParagraphProperties
        {
            KeepNext = new KeepNext(), KeepLines = new KeepLines(), SpacingBetweenLines = spacing,
            OutlineLevel = outlineLevel is { } level ? new OutlineLevel { Val = level } : null,
        },
        StyleRunProperties = new StyleRunProperties
        {
            Bold = new Bold(), Color = new Color { Val = color },
            FontSize = new FontSize { Val = size.ToString() }, FontSizeComplexScript = new FontSizeComplexScript { Val = size.ToString() },
        },
    };

    private static Style TableStyle()
    {
        var style = new Style
        {
            Type = StyleValues.Table, StyleId = TableStyleId,
            StyleName = new StyleName { Val = "Plan Table" }, PrimaryStyle = new PrimaryStyle(),
            StyleTableProperties = new StyleTableProperties
            {
                TableBorders = new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "8EAADB" }),
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa }),
            },
        };
        style.Append(new TableStyleProperties
        {
            Type = TableStyleOverrideValues.FirstRow,
            RunPropertiesBaseStyle = new RunPropertiesBaseStyle { Bold = new Bold() },
            TableStyleConditionalFormattingTableCellProperties = new TableStyleConditionalFormattingTableCellProperties
            {
                Shading = new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "D9E2F3" },
            },
        });
        return style;
    }
}
