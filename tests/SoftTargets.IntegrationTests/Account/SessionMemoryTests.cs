using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Web.Features.Account;

namespace SoftTargets.IntegrationTests.Account;

/// <summary>
/// A node keeps the live sessions it read in memory while it hears PostgreSQL announce changed session rows: a
/// sign-out on any node holds on every node as soon as it is heard, and without listening every request reads its row.
/// </summary>
public sealed class SessionMemoryTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact]
    public async Task A_node_that_remembers_a_session_refuses_it_once_another_node_signs_it_out()
    {
        await using var otherNode = Fixture.Derive(_ => { });
        await ListeningAsync(otherNode);
        var client = await Fixture.SignedInClientAsync(Auditor);
        var onOtherNode = Fixture.WithCookie(await DatabaseFixture.CookieHeaderAsync(client), otherNode);
        Assert.Equal(HttpStatusCode.OK, (await onOtherNode.GetAsync("/api/sites")).StatusCode);
        var key = await SessionKeyAsync();
        Assert.NotNull(Memory(otherNode).Find(key));

        var token = DatabaseFixture.AntiforgeryToken(await client.GetStringAsync("/"));
        var logout = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await DatabaseFixture.AnswerOnceHeardAsync(onOtherNode, "/api/sites", HttpStatusCode.Unauthorized));
        Assert.Null(Memory(otherNode).Find(key));
    }

    [Fact]
    public async Task A_remembered_session_is_served_without_reading_its_row_until_a_change_is_announced()
    {
        await ListeningAsync(Fixture.Factory);
        var client = await Fixture.SignedInClientAsync(Auditor);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);
        var key = await SessionKeyAsync();

        // Deleted with triggers off, as no path of the app deletes: nothing is announced, the node still knows the session.
        await DeleteSessionsUnannouncedAsync();
        var unannounced = await client.GetAsync("/api/sites");
        await using (var db = Fixture.NewDbContext())
            await db.Database.ExecuteSqlRawAsync("""SELECT pg_notify('user_session_changed', @key)""", new NpgsqlParameter("key", key));
        var announced = await DatabaseFixture.AnswerOnceHeardAsync(client, "/api/sites", HttpStatusCode.Unauthorized);

        Assert.Equal(HttpStatusCode.OK, unannounced.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, announced);
    }

    [Fact]
    public async Task With_sessions_kept_in_memory_off_every_request_reads_its_row()
    {
        await using var node = Fixture.Derive(builder => builder.UseSetting("Sessions:KeepInMemory", "false"));
        var client = await Fixture.SignedInClientAsync(Auditor, node: node);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);

        await DeleteSessionsUnannouncedAsync();

        Assert.False(Memory(node).IsListening);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sites")).StatusCode);
    }

    [Fact]
    public async Task A_node_that_loses_its_listening_connection_forgets_every_session_and_listens_again()
    {
        await using var node = Fixture.Derive(_ => { });
        await ListeningAsync(node);
        var client = await Fixture.SignedInClientAsync(Auditor, node: node);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sites")).StatusCode);

        await using (var db = Fixture.NewDbContext())
            await db.Database.ExecuteSqlRawAsync(
                """SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = @name""",
                new NpgsqlParameter("name", SessionCache.ApplicationName));
        await UntilAsync(() => !Memory(node).IsListening);
        await DeleteSessionsUnannouncedAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sites")).StatusCode);
        await UntilAsync(() => Memory(node).IsListening);
    }

    private static SessionCache Memory(WebApplicationFactory<Program> node) => node.Services.GetRequiredService<SessionCache>();

    private static Task ListeningAsync(WebApplicationFactory<Program> node) => UntilAsync(() => Memory(node).IsListening);

    private static async Task UntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), "The condition did not hold within 15 seconds.");
            await Task.Delay(20);
        }
    }

    private async Task DeleteSessionsUnannouncedAsync()
    {
        await using var db = Fixture.NewDbContext();
        await db.Database.ExecuteSqlRawAsync("""SET session_replication_role = replica; DELETE FROM "UserSessions"; RESET session_replication_role;""");
    }

    private async Task<string> SessionKeyAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.UserSessions.Select(s => s.Id).SingleAsync();
    }
}
