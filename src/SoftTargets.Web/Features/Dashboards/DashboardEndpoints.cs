using SoftTargets.Core.Features.Dashboards;
using SoftTargets.Core.Features.Exports;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.Web.Components;
using SoftTargets.Web.Features.Account;
using SoftTargets.Web.Features.Readiness;

namespace SoftTargets.Web.Features.Dashboards;

public static class DashboardEndpoints
{
    /// <summary>Every dashboard table as CSV or XLSX, with the page's filter and the caller's language.</summary>
    public static void MapDashboardEndpoints(this WebApplication app)
    {
        app.MapGet("/dashboards/export/{name}.{format}", async (string name, string format, string? region, string? venueType,
                string? tier, Guid? version, string? separator, ComplianceDashboard dashboard, DashboardTables tables, CancellationToken ct) =>
            {
                if (!TableDownload.IsFormat(format)) return Results.NotFound();
                var filter = DashboardQuery.Filter(region, venueType, tier, version);
                var table = await BuildAsync(name.ToLowerInvariant(), filter, dashboard, tables, ct);
                if (table is null) return Results.NotFound();
                var file = $"compliance-{name.ToLowerInvariant()}-{DateTime.UtcNow:yyyy-MM-dd}.{format}";
                // Rows go to the response body as the query yields them; nothing holds the whole table.
                return TableDownload.Of(table, format, file, separator, ct);
            })
            .RequireAuthorization(Policies.DashboardReader)
            .ExcludeFromDescription();

        // The readiness tables (drill coverage and time to target by region or venue type), the same way.
        app.MapGet("/dashboards/readiness/export/{table}.{format}", async (string table, string format, string? region, string? venueType,
                string? tier, Guid? version, string? separator, ComplianceDashboard dashboard, ReadinessDashboard readiness, ReadinessTables tables, CancellationToken ct) =>
            {
                var name = table.ToLowerInvariant();
                if (!TableDownload.IsFormat(format) || ReadinessTables.Names.FirstOrDefault(n => n.Name == name) is not { Name: not null } which) return Results.NotFound();
                var filter = DashboardQuery.Filter(region, venueType, tier, version);
                var choices = await dashboard.GetChoicesAsync(ct);
                var file = $"readiness-{name}-{DateTime.UtcNow:yyyy-MM-dd}.{format}";
                var built = (which.Coverage
                    ? tables.Coverage(await readiness.GetCoverageAsync(filter, ct), which.By, choices)
                    : tables.Timing(await readiness.GetTimingAsync(filter, ct), which.By, choices)).AsStream();
                return TableDownload.Of(built, format, file, separator, ct);
            })
            .RequireAuthorization(Policies.DashboardReader)
            .ExcludeFromDescription();
    }

    /// <summary>The table of the page section with that name (a breakdown, trend, risk or sites), or null for none.</summary>
    private static async Task<TableStream?> BuildAsync(string name, DashboardFilter filter, ComplianceDashboard dashboard, DashboardTables tables, CancellationToken ct)
    {
        switch (name)
        {
            case "trend":
                return tables.Trend(await dashboard.GetTrendAsync(filter, ct: ct)).AsStream();
            case "risk":
                return tables.Risk(await dashboard.GetRiskAsync(filter, ct)).AsStream();
            case "sites":
                return tables.Sites(dashboard.ListAllSitesAsync(filter, ct), await dashboard.GetChoicesAsync(ct));
            default:
                if (!Enum.TryParse<Breakdown>(name, ignoreCase: true, out var by) || by == Breakdown.Total || int.TryParse(name, out _)) return null;
                return tables.Build(await dashboard.GetAsync(filter, ct), by, await dashboard.GetChoicesAsync(ct)).AsStream();
        }
    }
}
