using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Interceptors;
using SoftTargets.Core.Security;
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
        services.AddSingleton(sp => new ReplicaOptions(new DbContextOptionsBuilder<SoftTargetsDbContext>()
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>())
            .Options));
        services.Replace(ServiceDescriptor.Scoped(sp => ActivatorUtilities.CreateInstance<ComplianceDashboard>(sp, OnReplica(sp))));
        services.Replace(ServiceDescriptor.Scoped(sp => ActivatorUtilities.CreateInstance<ReadinessDashboard>(sp, OnReplica(sp))));
        return services;
    }

    private static ReplicaContextFactory OnReplica(IServiceProvider services) =>
        new(services.GetRequiredService<ReplicaOptions>(), services.GetRequiredService<ICurrentUser>());

    private sealed record ReplicaOptions(DbContextOptions<SoftTargetsDbContext> Options);

    /// <summary>Contexts of the app's model on the replica; not from the app's pool, whose contexts all stay on the primary.</summary>
    private sealed class ReplicaContextFactory(ReplicaOptions replica, ICurrentUser currentUser) : IDbContextFactory<SoftTargetsDbContext>
    {
        public SoftTargetsDbContext CreateDbContext() => new(replica.Options) { CurrentUser = currentUser };
    }
}
