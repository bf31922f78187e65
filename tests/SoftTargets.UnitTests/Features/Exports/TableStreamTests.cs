using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SoftTargets.Core.Features.Exports;

namespace SoftTargets.UnitTests.Features.Exports;

public class TableStreamTests
{
    private const int Rows = 100_000;

    [Fact]
    public async Task Csv_rows_reach_the_output_while_later_rows_are_still_to_come()
    {
        var output = new WriteOnlyStream();

        await TableFile.WriteCsvAsync(new TableStream("Sites", ["Name", "Score"], Generate(output)), output);

        Assert.True(output.WrittenAtHalfway > 0, "nothing was written before half the rows were read");
        Assert.True(output.WrittenAtHalfway < output.Written);
        var text = Encoding.UTF8.GetString(output.Bytes.ToArray());
        Assert.StartsWith("\uFEFFName,Score\r\nSite 0,0\r\n", text);
        Assert.Equal(Rows + 1, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Xlsx_of_a_hundred_thousand_rows_is_written_to_a_response_body_and_opens_with_every_row()
    {
        var output = new WriteOnlyStream();

        await TableFile.WriteXlsxAsync(new TableStream("Sites", ["Name", "Score"], Generate(null)), output);

        using var document = SpreadsheetDocument.Open(new MemoryStream(output.Bytes.ToArray()), false);
        // Read as it was written, row by row: a tree of every row would cost more than the writing under test.
        using var reader = OpenXmlReader.Create(document.WorkbookPart!.WorksheetParts.Single());
        var count = 0;
        Row? last = null;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            count++;
            if (count == Rows + 1) last = (Row)reader.LoadCurrentElement()!;
        }
        Assert.Equal(Rows + 1, count);
        Assert.Equal("Site 99999", last!.Elements<Cell>().First().InnerText);
        Assert.Equal(CellValues.Number, last.Elements<Cell>().Last().DataType!.Value);
    }

    private static async IAsyncEnumerable<IReadOnlyList<object?>> Generate(WriteOnlyStream? output)
    {
        for (var i = 0; i < Rows; i++)
        {
            if (i == Rows / 2 && output is not null) output.WrittenAtHalfway = output.Written;
            if (i % 10_000 == 0) await Task.Yield();
            yield return [$"Site {i}", i % 101];
        }
    }

    /// <summary>Like a response body: it cannot seek, and it remembers what was written for the assertions.</summary>
    private sealed class WriteOnlyStream : Stream
    {
        public MemoryStream Bytes { get; } = new();
        public long Written => Bytes.Length;
        public long WrittenAtHalfway { get; set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Bytes.Write(buffer, offset, count);
    }
}
