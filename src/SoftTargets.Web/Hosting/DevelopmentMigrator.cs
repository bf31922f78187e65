using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Data;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Security;

namespace SoftTargets.Web.Hosting;

/// <summary>
/// In Development, brings the database up to date when the app starts. Production databases are
/// migrated by the <c>migrate</c> verb, deliberately, before a new version is started.
/// </summary>
public sealed class DevelopmentMigrator(IServiceScopeFactory scopes, ILogger<DevelopmentMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var system = SystemScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SoftTargetsDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} pending migrations", pending.Count);
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (await scope.ServiceProvider.GetRequiredService<MethodologyLibrary>().EnsureSeededAsync(cancellationToken))
            logger.LogInformation("Imported and published the seeded methodology library");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public static class DevelopmentMigratorExtensions
{
    public static void AddDevelopmentMigrator(this IServiceCollection services, IHostEnvironment environment, IConfiguration configuration)
    {
        if (environment.IsDevelopment() && configuration.GetValue("Database:MigrateOnStart", true))
            services.AddHostedService<DevelopmentMigrator>();
    }
}
