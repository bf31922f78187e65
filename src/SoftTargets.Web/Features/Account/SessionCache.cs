using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SoftTargets.Core.Data;

namespace SoftTargets.Web.Features.Account;

/// <summary>A live session as this node last read it: the ticket unprotected, and its times.</summary>
public sealed record KnownSession(byte[] Ticket, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt);

/// <summary>
/// This node's memory of live sessions, so that a signed-in request need not read its session row. It is used only
/// while the node listens on PostgreSQL's channel <c>user_session_changed</c>, where a trigger announces every changed
/// or deleted session row from any node at commit: a session is forgotten as soon as its sign-out is heard, and all
/// are forgotten when the listening connection is lost (until it is back, every request reads the database).
/// </summary>
public sealed class SessionCache(IServiceScopeFactory scopes, IOptions<SessionSettings> settings, ILogger<SessionCache> log)
    : BackgroundService
{
    public const string Channel = "user_session_changed";

    /// <summary>The listening connection's name in <c>pg_stat_activity</c>.</summary>
    public const string ApplicationName = "SoftTargets session listener";

    /// <summary>Enough for every person signed in at once; beyond it the others are read each time.</summary>
    private const int MostKept = 100_000;

    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Changes heard, counted per stripe of keys: a change to one session spoils only the reads of sessions in its
    /// stripe that were under way, not every read on the node (each live session writes its last-seen time every 30 s).
    /// </summary>
    private const int Stripes = 64;

    private readonly ConcurrentDictionary<string, KnownSession> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly long[] _changesHeard = new long[Stripes];
    private volatile bool _listening;

    /// <summary>True while changes are heard; the cache is empty and unused otherwise.</summary>
    public bool IsListening => _listening;

    /// <summary>Counts the changes heard for the stripe of <paramref name="key"/>; taken before the session is read, it tells <see cref="Keep"/> whether the read may be stale.</summary>
    public long ChangesHeard(string key) => Interlocked.Read(ref _changesHeard[StripeOf(key)]);

    public KnownSession? Find(string key) => _listening && _known.TryGetValue(key, out var session) ? session : null;

    /// <summary>Remembers a session read from the database, unless a change was heard since the read began.</summary>
    public void Keep(string key, KnownSession session, long changesHeardBeforeReading)
    {
        lock (_gate)
        {
            if (_listening && _changesHeard[StripeOf(key)] == changesHeardBeforeReading && _known.Count < MostKept) _known[key] = session;
        }
    }

    public void Forget(string key)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _changesHeard[StripeOf(key)]);
            _known.TryRemove(key, out _);
        }
    }

    private void ForgetAll(bool listening)
    {
        lock (_gate)
        {
            _listening = listening;
            for (var stripe = 0; stripe < Stripes; stripe++) Interlocked.Increment(ref _changesHeard[stripe]);
            _known.Clear();
        }
    }

    private static int StripeOf(string key) => (int)((uint)StringComparer.Ordinal.GetHashCode(key) % Stripes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.KeepInMemory) return;
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SoftTargetsDbContext>>().CreateDbContextAsync(stoppingToken))
            connectionString = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { ApplicationName = ApplicationName }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                log.LogWarning(failure, "Not hearing session changes: every request reads its session from the database until listening works again.");
            }
            finally
            {
                ForgetAll(listening: false);
            }
            try
            {
                await Task.Delay(RetryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(string connectionString, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(stoppingToken);
        connection.Notification += (_, change) => Forget(change.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
            await listen.ExecuteNonQueryAsync(stoppingToken);
        ForgetAll(listening: true);
        while (true)
        {
            // After a quiet while, ask the server something: a connection that died without a word throws here.
            if (await connection.WaitAsync(QuietCheck, stoppingToken)) continue;
            await using var check = new NpgsqlCommand("SELECT 1", connection) { CommandTimeout = 10 };
            await check.ExecuteScalarAsync(stoppingToken);
        }
    }
}
