using System.Globalization;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SoftTargets.Core.Features.Exports;

/// <summary>A table as shown on a page, ready to be written as CSV or XLSX. Cells are text or numbers.</summary>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public TableStream AsStream() => new(Name, Headers, Rows.ToAsyncEnumerable());
}

/// <summary>A table whose rows arrive one by one (from a query), written out as they come.</summary>
public sealed record TableStream(string Name, IReadOnlyList<string> Headers, IAsyncEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// How a CSV file separates its fields and writes its numbers. Excel reads a CSV with the list separator of the person's
/// Windows: a semicolon and decimal commas where numbers are written with a decimal comma (Czech), a comma and decimal points
/// elsewhere (English).
/// </summary>
public sealed record CsvDialect(char Separator, CultureInfo Numbers)
{
    public static readonly CsvDialect Comma = new(',', CultureInfo.InvariantCulture);

    /// <summary>The dialect a spreadsheet in this culture expects.</summary>
    public static CsvDialect For(CultureInfo culture) =>
        culture.NumberFormat.NumberDecimalSeparator == "," ? new CsvDialect(';', culture) : new CsvDialect(',', culture);

    /// <summary>An explicit choice ("semicolon" or "comma") where the export offers one, otherwise the culture's dialect.</summary>
    public static CsvDialect Choose(string? separator, CultureInfo culture) => separator?.ToLowerInvariant() switch
    {
        "semicolon" => new CsvDialect(';', culture.NumberFormat.NumberDecimalSeparator == "," ? culture : CultureInfo.InvariantCulture),
        "comma" => new CsvDialect(',', culture.NumberFormat.NumberDecimalSeparator == "," ? CultureInfo.InvariantCulture : culture),
        _ => For(culture),
    };
}

/// <summary>Writes tables for download: CSV (UTF-8 with BOM so Excel reads the diacritics) and XLSX with numbers as numbers.</summary>
public static class TableFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Csv(Table table, CsvDialect? dialect = null)
    {
        using var buffer = new MemoryStream();
        WriteCsvAsync(table.AsStream(), buffer, dialect ?? CsvDialect.Comma).GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    public static byte[] Xlsx(Table table)
    {
        using var buffer = new MemoryStream();
        WriteXlsxAsync(table.AsStream(), buffer).GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    /// <summary>RFC 4180 with a comma; text that a spreadsheet would run as a formula is prefixed with an apostrophe. Each row is written as it arrives.</summary>
    public static Task WriteCsvAsync(TableStream table, Stream output, CancellationToken ct = default) => WriteCsvAsync(table, output, CsvDialect.Comma, ct);

    /// <summary>The same with the dialect's separator and number format (a semicolon and decimal commas for Czech Excel).</summary>
    public static async Task WriteCsvAsync(TableStream table, Stream output, CsvDialect dialect, CancellationToken ct = default)
    {
        await output.WriteAsync(Encoding.UTF8.GetPreamble(), ct);
        await using var writer = new StreamWriter(output, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvLine(table.Headers.Cast<object?>(), dialect));
        await foreach (var row in table.Rows.WithCancellation(ct))
            await writer.WriteAsync(CsvLine(row, dialect));
        await writer.FlushAsync(ct);
    }

    private static string CsvLine(IEnumerable<object?> row, CsvDialect dialect) =>
        string.Join(dialect.Separator, row.Select(cell => CsvField(cell, dialect))) + "\r\n";

    private static string CsvField(object? cell, CsvDialect dialect)
    {
        var text = cell is IFormattable number ? number.ToString(null, dialect.Numbers) : Format(cell);
        if (cell is string && text.Length > 0 && "=+-@\t\r".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([dialect.Separator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    /// <summary>
    /// The sheet is written element by element (<see cref="OpenXmlWriter"/>) straight into a zip entry, so no
    /// row is kept once written. The package is assembled by hand because System.IO.Packaging buffers each
    /// part in memory when the package can also be read, and OpenXML needs to read it. A zip is finished
    /// only when it is closed, so for a response body it is built in a temporary file and then copied out.
    /// </summary>
    public static async Task WriteXlsxAsync(TableStream table, Stream output, CancellationToken ct = default)
    {
        if (output.CanSeek)
        {
            await WritePackageAsync(table, output, ct);
            return;
        }
        await using var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        await WritePackageAsync(table, file, ct);
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static async Task WritePackageAsync(TableStream table, Stream output, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Entry(zip, "[Content_Types].xml", $"""
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """);
        Entry(zip, "_rels/.rels", $"""
            <Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeDocument}/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry(zip, "xl/_rels/workbook.xml.rels", $"""
            <Relationships xmlns="{Relationships}"><Relationship Id="rId1" Type="{OfficeDocument}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
            """);
        using (var part = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
        {
            writer.WriteStartDocument(true);
            writer.WriteElement(new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = SheetName(table.Name) })));
        }
        using (var part = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(part, Encoding.UTF8))
        {
            writer.WriteStartDocument(true);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, table.Headers);
            await foreach (var row in table.Rows.WithCancellation(ct))
                WriteRow(writer, row);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }

    private static void Entry(ZipArchive zip, string name, string xml)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        part.Write(Utf8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml.Trim()));
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<object?> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
            writer.WriteElement(cell switch
            {
                int or long or decimal or double => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Format(cell)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Format(cell))) },
            });
        writer.WriteEndElement();
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
