using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Serilog.Events;
using Serilog.Parsing;
using SoftTargets.Web.Hosting;

namespace SoftTargets.UnitTests.Web.Hosting;

public sealed class ConsoleLogFormatTests
{
    [Fact]
    public void Production_configuration_writes_each_event_as_one_json_object()
    {
        var line = Format(Configuration("Production"));

        using var json = JsonDocument.Parse(line);
        Assert.Equal("Signed in user 42", json.RootElement.GetProperty("@m").GetString());
        Assert.Equal(42, json.RootElement.GetProperty("UserId").GetInt32());
    }

    [Fact]
    public void Development_configuration_writes_plain_lines()
    {
        var line = Format(Configuration("Development"));

        Assert.StartsWith("[", line);
        Assert.Contains("INF] Test: Signed in user 42", line);
    }

    private static IConfiguration Configuration(string environment)
    {
        var web = Path.Combine(RepositoryFolder.Root, "src", "SoftTargets.Web");
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(web, "appsettings.json"))
            .AddJsonFile(Path.Combine(web, $"appsettings.{environment}.json"))
            .Build();
    }

    private static string Format(IConfiguration configuration)
    {
        var template = new MessageTemplateParser().Parse("Signed in user {UserId}");
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null, template,
            [new LogEventProperty("UserId", new ScalarValue(42)), new LogEventProperty("SourceContext", new ScalarValue("Test"))]);
        using var output = new StringWriter();
        LoggingExtensions.ConsoleFormatter(configuration).Format(logEvent, output);
        return output.ToString().Trim();
    }

}
