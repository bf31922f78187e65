using System.Globalization;
using SoftTargets.Core.Features.Exports;

namespace SoftTargets.Web.Components;

/// <summary>A table as a file download: CSV in the reader's dialect (or the separator asked for) or XLSX, written to the
/// response body as the rows come, so nothing holds the whole table.</summary>
public static class TableDownload
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool IsFormat(string format) => format is "csv" or "xlsx";

    public static IResult Of(TableStream table, string format, string fileName, string? separator, CancellationToken ct) =>
        format == "csv"
            ? Results.Stream(body => TableFile.WriteCsvAsync(table, body, CsvDialect.Choose(separator, CultureInfo.CurrentCulture), ct), "text/csv; charset=utf-8", fileName)
            : Results.Stream(body => TableFile.WriteXlsxAsync(table, body, ct), Xlsx, fileName);
}
