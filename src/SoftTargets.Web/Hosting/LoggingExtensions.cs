using Serilog;
using Serilog.Formatting;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace SoftTargets.Web.Hosting;

public static class LoggingExtensions
{
    private const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Serilog, configured from the "Serilog" section of appsettings in this one place. The console gets one
    /// JSON object per event where <c>Serilog:ConsoleFormat</c> is <c>json</c> (Production, for log collectors),
    /// plain lines elsewhere. Each host keeps its own logger rather than Serilog's static one, so that several hosts in
    /// one process (the test hosts) each write to their own sinks.
    /// </summary>
    public static void AddLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(ConsoleFormatter(builder.Configuration)), preserveStaticLogger: true);

    internal static ITextFormatter ConsoleFormatter(IConfiguration configuration) =>
        string.Equals(configuration["Serilog:ConsoleFormat"], "json", StringComparison.OrdinalIgnoreCase)
            ? new RenderedCompactJsonFormatter()
            : new MessageTemplateTextFormatter(TextTemplate);

    /// <summary>One line per request; no query strings, bodies or user data.</summary>
    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms");
}
