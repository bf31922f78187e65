using Npgsql;
using Testcontainers.PostgreSql;

namespace SoftTargets.Tests;

/// <summary>
/// A PostgreSQL database of the test run's own: on the server named by SOFTTARGETS_TEST_DB when set
/// (scripts/test.sh starts a throwaway cluster), otherwise in a container.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private PostgreSqlContainer? _container;

    public string ConnectionString { get; private set; } = "";

    public static async Task<TestDatabase> CreateAsync(string databaseName)
    {
        var database = new TestDatabase();
        var server = Environment.GetEnvironmentVariable("SOFTTARGETS_TEST_DB");
        if (string.IsNullOrWhiteSpace(server))
        {
            // Throws DockerUnavailableException at once where no Docker engine answers.
            database._container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await database._container.StartAsync();
            server = database._container.GetConnectionString();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = databaseName, Pooling = true };
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{databaseName}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        database.ConnectionString = builder.ConnectionString;
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_container is not null) await _container.DisposeAsync();
    }
}
