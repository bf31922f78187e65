namespace SoftTargets.Web.Hosting;

public static class ConfigurationExtensions
{
    public static string GetSoftTargetsConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("SoftTargets") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "No database is configured. Set ConnectionStrings__SoftTargets, for example " +
                "\"Host=localhost;Port=5433;Database=softtargets;Username=postgres\", or start the app with scripts/run.sh.");
}
