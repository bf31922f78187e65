using Npgsql;

namespace SoftTargets.IntegrationTests.Infrastructure;

public static class AdvisoryLocks
{
    /// <summary>
    /// Waits until no session holds the advisory lock <paramref name="key"/>: the server ends a closed connection's session,
    /// and its locks, a moment after the client closes it. Fails after ten seconds.
    /// </summary>
    public static async Task WaitUntilFreeAsync(string connectionString, long key)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var held = new NpgsqlCommand($"""
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = {key}
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """, connection);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)(await held.ExecuteScalarAsync())! > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"A closed session still holds the advisory lock {key} after ten seconds.");
            await Task.Delay(20);
        }
    }
}
