using Serilog;

namespace SoftTargets.Web.Hosting;

public static class LoggingExtensions
{
    /// <summary>Serilog, configured from the "Serilog" section of appsettings in this one place.</summary>
    public static void AddLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext());

    /// <summary>One line per request; no query strings, bodies or user data.</summary>
    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
}
