using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Exports;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.Web.Features.Dashboards;

public static class DashboardEndpoints
{
    /// <summary>Every dashboard table as CSV or XLSX, with the page's filter and the caller's language.</summary>
    public static void MapDashboardEndpoints(this WebApplication app)
    {
        app.MapGet("/dashboards/export/{breakdown}.{format}", async (string breakdown, string format, string? region, string? venueType,
                string? tier, Guid? version, ComplianceDashboard dashboard, DashboardTables tables, CancellationToken ct) =>
            {
                if (!Enum.TryParse<Breakdown>(breakdown, ignoreCase: true, out var by) || by == Breakdown.Total || format is not ("csv" or "xlsx"))
                    return Results.NotFound();
                var filter = DashboardQuery.Filter(region, venueType, tier, version);
                var table = tables.Build(await dashboard.GetAsync(filter, ct), by, await dashboard.GetChoicesAsync(ct));
                var name = $"compliance-by-{by.ToString().ToLowerInvariant()}-{DateTime.UtcNow:yyyy-MM-dd}.{format}";
                return format == "csv"
                    ? Results.File(TableFile.Csv(table), "text/csv; charset=utf-8", name)
                    : Results.File(TableFile.Xlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
            })
            .RequireAuthorization(Policies.DashboardReader)
            .ExcludeFromDescription();
    }
}
