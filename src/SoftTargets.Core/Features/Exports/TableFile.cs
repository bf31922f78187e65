using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SoftTargets.Core.Features.Exports;

/// <summary>A table as shown on a page, ready to be written as CSV or XLSX. Cells are text or numbers.</summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Writes tables for download: CSV (UTF-8 with BOM so Excel reads the diacritics) and XLSX with numbers as numbers.</summary>
public static class TableFile
{
    /// <summary>RFC 4180 with a comma; text that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    public static byte[] Csv(Table table)
    {
        var csv = new StringBuilder();
        foreach (var row in table.Rows.Prepend(table.Headers.Cast<object?>().ToList()))
            csv.Append(string.Join(",", row.Select(CsvField))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string CsvField(object? cell)
    {
        var text = Format(cell);
        if (cell is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static byte[] Xlsx(Table table)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(table.Headers));
            foreach (var row in table.Rows) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(table.Name),
            }));
        }
        return buffer.ToArray();
    }

    private static Row Row(IEnumerable<object?> cells)
    {
        var row = new Row();
        foreach (var cell in cells)
            row.Append(cell switch
            {
                int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Format(cell)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Format(cell))) },
            });
        return row;
    }

    private static string Format(object? cell) => cell switch
    {
        null => "",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    /// <summary>Excel allows 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet1" : clean[..Math.Min(31, clean.Length)];
    }
}
