using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SoftTargets.Core.Data;
using SoftTargets.Core.Features.Readiness;

namespace SoftTargets.Core.Features.Dashboards;

/// <summary>
/// The national dashboards (compliance and readiness figures) read from a PostgreSQL read replica when one is
/// configured: their statements only read, and figures a moment behind the primary are fine for them. Everything
/// else, the pages people change things on included, reads and writes the primary.
/// </summary>
public static class DashboardReplica
{
    public static IServiceCollection AddDashboardReplica(this IServiceCollection services, string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return services;
        services.Replace(ServiceDescriptor.Scoped(sp => ActivatorUtilities.CreateInstance<ComplianceDashboard>(sp, OnReplica(sp, connectionString))));
        services.Replace(ServiceDescriptor.Scoped(sp => ActivatorUtilities.CreateInstance<ReadinessDashboard>(sp, OnReplica(sp, connectionString))));
        return services;
    }

    private static ReplicaContextFactory OnReplica(IServiceProvider services, string connectionString) =>
        new(services.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>(), connectionString);

    /// <summary>The app's own contexts (same model, same options), pointed at the replica before they open a connection.</summary>
    private sealed class ReplicaContextFactory(IDbContextFactory<SoftTargetsDbContext> primary, string connectionString) : IDbContextFactory<SoftTargetsDbContext>
    {
        public SoftTargetsDbContext CreateDbContext()
        {
            var db = primary.CreateDbContext();
            db.Database.SetConnectionString(connectionString);
            return db;
        }
    }
}
