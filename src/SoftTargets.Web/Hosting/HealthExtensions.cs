using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace SoftTargets.Web.Hosting;

public static class HealthExtensions
{
    public static void AddHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<IConfiguration>().GetSoftTargetsConnectionString(), name: "database", tags: ["ready"]);

    /// <summary>Live: the process answers. Ready: it can reach its database.</summary>
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
    }
}
