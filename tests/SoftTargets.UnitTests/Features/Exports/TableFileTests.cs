using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SoftTargets.Core.Features.Exports;
using Table = SoftTargets.Core.Features.Exports.Table;

namespace SoftTargets.UnitTests.Features.Exports;

public class TableFileTests
{
    private static readonly Table Sample = new("Regions: score/essential", ["Region", "Sites", "Score"],
    [
        ["Moravskoslezský kraj", 1200, 61.5m],
        ["Praha, \"centrum\"", 3, null],
        ["=HYPERLINK(\"x\")", 0, 0m],
    ]);

    [Fact]
    public void Czech_csv_separates_with_semicolons_and_writes_decimal_commas()
    {
        var lines = Encoding.UTF8.GetString(TableFile.Csv(Sample, CsvDialect.For(new System.Globalization.CultureInfo("cs-CZ")))[3..]).Split("\r\n");

        Assert.Equal("Region;Sites;Score", lines[0]);
        Assert.Equal("Moravskoslezský kraj;1200;61,5", lines[1]);
        Assert.Equal("\"Praha, \"\"centrum\"\"\";3;", lines[2]);
    }

    [Theory]
    [InlineData("en", null, ',')]
    [InlineData("cs", null, ';')]
    [InlineData("en", "semicolon", ';')]
    [InlineData("cs", "comma", ',')]
    public void The_separator_follows_the_culture_unless_chosen(string culture, string? choice, char separator)
    {
        Assert.Equal(separator, CsvDialect.Choose(choice, new System.Globalization.CultureInfo(culture)).Separator);
    }

    [Fact]
    public void Csv_starts_with_a_byte_order_mark_quotes_what_needs_it_and_defuses_formulas()
    {
        var bytes = TableFile.Csv(Sample);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal("Region,Sites,Score", lines[0]);
        Assert.Equal("Moravskoslezský kraj,1200,61.5", lines[1]);
        Assert.Equal("\"Praha, \"\"centrum\"\"\",3,", lines[2]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\",0,0", lines[3]);
        Assert.Equal("", lines[4]);
    }

    [Fact]
    public void Xlsx_opens_with_numbers_as_numbers_and_a_valid_sheet_name()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(TableFile.Xlsx(Sample)), false);

        var sheet = document.WorkbookPart!.Workbook!.Sheets!.Elements<Sheet>().Single();
        Assert.Equal("Regions  score essential", sheet.Name!.Value);
        var rows = document.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<Row>().ToList();
        Assert.Equal(4, rows.Count);
        var cells = rows[1].Elements<Cell>().ToList();
        Assert.Equal("Moravskoslezský kraj", cells[0].InnerText);
        Assert.Equal(CellValues.Number, cells[1].DataType!.Value);
        Assert.Equal("1200", cells[1].CellValue!.Text);
        Assert.Equal("61.5", cells[2].CellValue!.Text);
    }
}
