using System.Globalization;
using Microsoft.Extensions.Localization;
using SoftTargets.Core.Domain.Audit;
using SoftTargets.Core.Features.Audit;
using SoftTargets.Core.Features.Exports;
using SoftTargets.Web.Components;
using SoftTargets.Web.Features.Account;
using SoftTargets.Web.Resources;

namespace SoftTargets.Web.Features.Audit;

public static class AuditEndpoints
{
    /// <summary>
    /// The trail as the page filters it, one row per entry with its record named and its changes in words, as CSV (streamed as
    /// the entries are read; semicolons for Czech Excel unless the reader chose otherwise) or XLSX.
    /// </summary>
    public static void MapAuditEndpoints(this WebApplication app)
    {
        app.MapGet("/audit/export.{format}", (string format, string? person, string? entityType, string? entityId, bool? parts, Guid? organization,
                DateOnly? from, DateOnly? to, string? action, string? separator, AuditTrail trail, AuditWords words,
                IStringLocalizer<AuditStrings> a, CancellationToken ct) =>
            {
                if (!TableDownload.IsFormat(format)) return Results.NotFound();
                var filter = AuditQuery.Filter(person, entityType, entityId, parts ?? false, organization, from, to, action);
                var table = new TableStream(a["Export_Sheet"], words.ExportHeaders(), trail.ExportAsync(filter, ct).Select(words.ExportRow));
                var file = $"audit-trail-{DateTime.UtcNow:yyyy-MM-dd}.{format}";
                return TableDownload.Of(table, format, file, separator, ct);
            })
            .RequireAuthorization(Policies.Auditor)
            .ExcludeFromDescription();
    }
}

/// <summary>The trail's filter as the address holds it, shared by the page and its exports.</summary>
public static class AuditQuery
{
    public static AuditFilter Filter(string? person, string? entityType, string? entityId, bool includeParts, Guid? organization,
        DateOnly? from, DateOnly? to, string? action) =>
        new(Blank(person), null, Blank(entityType), Blank(entityId), includeParts, organization, from, to,
            Enum.TryParse<AuditAction>(action, out var a) ? a : null, Display.Zone);

    public static Dictionary<string, object?> Parameters(AuditFilter filter) => new()
    {
        ["person"] = filter.Person,
        ["entityType"] = filter.EntityType,
        ["entityId"] = filter.EntityId,
        ["parts"] = filter.IncludeParts ? true : null,
        ["organization"] = filter.OrganizationId,
        ["from"] = filter.From,
        ["to"] = filter.To,
        ["action"] = filter.Action?.ToString(),
    };

    /// <summary>The export's address for the filter: "/audit/export.csv?entityType=Site&amp;separator=semicolon".</summary>
    public static string ExportUrl(AuditFilter filter, string format, string? separator = null)
    {
        var query = Parameters(filter).Where(p => p.Value is not null)
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                bool b => b ? "true" : "false",
                var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
            })}")
            .Append(separator is null ? null : $"separator={separator}").OfType<string>();
        var text = string.Join("&", query);
        return $"/audit/export.{format}" + (text.Length > 0 ? "?" + text : "");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
