using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Features.Users;
using SoftTargets.Core.Security;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.IntegrationTests.Account;

/// <summary>Refusals are logged with the user's id and organisation, whoever refused: Core or a policy.</summary>
public sealed class RefusalLoggingTests(DatabaseFixture fixture) : DatabaseTest(fixture), IDisposable
{
    private readonly Capture _logs = new();
    private WebApplicationFactory<Program>? _app;

    private WebApplicationFactory<Program> App => _app ??= Fixture.Derive(builder =>
        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(_logs)));

    [Fact]
    public async Task A_refusal_in_core_is_logged_with_the_users_id_and_organisation()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);
        await using var scope = App.Services.CreateAsyncScope();

        using (TestCurrentUser.ActAs(manager))
            await Assert.ThrowsAsync<AccessDeniedException>(() => scope.ServiceProvider.GetRequiredService<UserAdministration>().ListAsync());

        var refusal = Assert.Single(_logs.Events, e => e.Properties.TryGetValue("Operation", out var op) && op.ToString() == "\"UserAdministration.ListAsync\"");
        Assert.Equal(LogEventLevel.Warning, refusal.Level);
        Assert.Equal($"\"{manager.UserId}\"", refusal.Properties["UserId"].ToString());
        Assert.Equal(manager.OrganizationId.ToString(), refusal.Properties["OrganizationId"].ToString());
        Assert.DoesNotContain(ArenaManager, refusal.RenderMessage());
    }

    [Fact]
    public async Task A_policy_refusing_a_signed_in_user_and_the_access_denied_page_are_logged_with_the_users_id()
    {
        var manager = await Fixture.ActorAsync(ArenaManager);
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await DatabaseFixture.PostLoginAsync(client, ArenaManager, Core.Data.Seed.DemoSeeder.Password)).StatusCode);

        var response = await client.GetAsync("/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location?.ToString());
        var refusal = Assert.Single(_logs.Events, e => e.Properties.TryGetValue("Endpoint", out var endpoint) && endpoint.ToString() == "\"/audit\"");
        Assert.Equal($"\"{manager.UserId}\"", refusal.Properties["UserId"].ToString());
        Assert.Equal($"\"{manager.OrganizationId}\"", refusal.Properties["OrganizationId"].ToString());
        Assert.DoesNotContain(ArenaManager, refusal.RenderMessage());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(response.Headers.Location)).StatusCode);
        var shown = Assert.Single(_logs.Events, e => e.Properties.ContainsKey("Page"));
        Assert.Equal("\"/access-denied\"", shown.Properties["Page"].ToString());
        Assert.Equal($"\"{manager.UserId}\"", shown.Properties["UserId"].ToString());
    }

    public void Dispose() => _app?.Dispose();

    private sealed class Capture : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => _events.Where(e => e.Properties.TryGetValue("SourceContext", out var source)
            && source.ToString() == $"\"{RefusalLogging.Category}\"").ToList();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
