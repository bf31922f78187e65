using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SoftTargets.Core.Data.Interceptors;
using SoftTargets.Core.Security;

namespace SoftTargets.Core.Data;

/// <summary>
/// The contexts of one scope (a request, a Blazor circuit, a job): pooled instances that save as the scope's user.
/// A context's set-up (its internal services and options) is paid once per pooled instance, not once per use.
/// </summary>
public sealed class AuditedContextFactory(PooledContexts pool, ICurrentUser currentUser) : IDbContextFactory<SoftTargetsDbContext>
{
    public SoftTargetsDbContext CreateDbContext() => Audited(pool.Factory.CreateDbContext());

    public async Task<SoftTargetsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        Audited(await pool.Factory.CreateDbContextAsync(cancellationToken));

    private SoftTargetsDbContext Audited(SoftTargetsDbContext db)
    {
        db.CurrentUser = currentUser;
        return db;
    }
}

/// <summary>EF Core's pooled factory, reachable only through <see cref="AuditedContextFactory"/>.</summary>
public sealed class PooledContexts(IDbContextFactory<SoftTargetsDbContext> factory)
{
    public IDbContextFactory<SoftTargetsDbContext> Factory { get; } = factory;
}

public static class AuditedContextExtensions
{
    public static IServiceCollection AddAuditedDbContext(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<AuditInterceptor>();
        services.AddPooledDbContextFactory<SoftTargetsDbContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));

        // The pooled factory EF Core registered becomes the pool behind the per-scope factory, which everything uses.
        var pooled = services.Single(d => d.ServiceType == typeof(IDbContextFactory<SoftTargetsDbContext>));
        services.Remove(pooled);
        services.AddSingleton(sp => new PooledContexts((IDbContextFactory<SoftTargetsDbContext>)(
            pooled.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, pooled.ImplementationType!))));
        services.AddScoped<IDbContextFactory<SoftTargetsDbContext>, AuditedContextFactory>();
        services.RemoveAll<SoftTargetsDbContext>();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>().CreateDbContext());
        return services;
    }
}
