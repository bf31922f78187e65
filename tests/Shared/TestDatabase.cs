using System.Text;
using Npgsql;
using Testcontainers.PostgreSql;

namespace SoftTargets.Tests;

/// <summary>
/// A PostgreSQL database of the test run's own: on the server named by SOFTTARGETS_TEST_DB when set
/// (scripts/test.sh starts a throwaway cluster), otherwise in a container.
/// </summary>
/// <remarks>
/// Seeding the demo data costs about a second, cloning a template database over half a second; putting
/// saved rows back costs well under a tenth of a second. After migrating and seeding once,
/// <see cref="SaveDataAsync"/> copies every table into the schema <c>test_saved</c> of the same database,
/// and <see cref="RestoreDataAsync"/> puts exactly those rows (same ids, same sequence values) back in one
/// round trip. The app keeps its pooled connections and live circuits, which a template clone would have
/// to drop first. Tables added by later migrations are saved and restored without further code.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string SavedSchema = "test_saved";

    // Rows that must outlive a restore: the schema's own history, and the data-protection keys the app
    // caches (cookies issued before a restore stay readable after it).
    private static readonly string[] KeptTables = ["__EFMigrationsHistory", "DataProtectionKeys"];

    private PostgreSqlContainer? _container;
    private string? _restoreSql;

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

    /// <summary>Saves the rows of every table (and every sequence's position) as they are now, for <see cref="RestoreDataAsync"/>.</summary>
    public async Task SaveDataAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT (table_name = ANY(@kept))
            ORDER BY table_name
            """, connection))
        {
            command.Parameters.AddWithValue("kept", KeptTables);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        // Generated columns cannot be written: they are computed again from the copied ones.
        var columns = new Dictionary<string, List<string>>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = 'public' AND is_generated = 'NEVER'
            ORDER BY table_name, ordinal_position
            """, connection))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                if (!columns.TryGetValue(table, out var list)) columns[table] = list = [];
                list.Add(Quote(reader.GetString(1)));
            }
        }

        var sequences = new List<(string Name, long Value, bool IsCalled)>();
        await using (var command = new NpgsqlCommand(
            "SELECT sequencename, COALESCE(last_value, 1), last_value IS NOT NULL FROM pg_sequences WHERE schemaname = 'public'", connection))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) sequences.Add((reader.GetString(0), reader.GetInt64(1), reader.GetBoolean(2)));
        }

        // The names come from the catalogue and are quoted: nothing typed by a test reaches these statements.
        var save = new StringBuilder($"DROP SCHEMA IF EXISTS {SavedSchema} CASCADE; CREATE SCHEMA {SavedSchema};\n");
        foreach (var table in tables)
            save.Append($"CREATE TABLE {SavedSchema}.{Quote(table)} AS TABLE public.{Quote(table)};\n");
        await using (var command = new NpgsqlCommand(save.ToString(), connection))
            await command.ExecuteNonQueryAsync();

        // Triggers (the audit trail, the per-site dashboard counts) and foreign-key checks stay quiet while the
        // saved rows, counts included, go back exactly as they were.
        // DELETE, not TRUNCATE: truncating gives every table and index a new file, ten times slower for these few rows.
        var restore = new StringBuilder("SET session_replication_role = replica;\n");
        foreach (var table in tables)
            restore.Append($"DELETE FROM public.{Quote(table)};\n");
        foreach (var table in tables)
        {
            var list = string.Join(", ", columns[table]);
            restore.Append($"INSERT INTO public.{Quote(table)} ({list}) OVERRIDING SYSTEM VALUE SELECT {list} FROM {SavedSchema}.{Quote(table)};\n");
        }
        foreach (var (name, value, isCalled) in sequences)
            restore.Append($"SELECT setval('public.{Quote(name).Replace("'", "''")}', {value}, {(isCalled ? "true" : "false")});\n");
        restore.Append("RESET session_replication_role;");
        _restoreSql = restore.ToString();
    }

    /// <summary>Puts back the rows saved by <see cref="SaveDataAsync"/>, in one transaction.</summary>
    public async Task RestoreDataAsync()
    {
        if (_restoreSql is null) throw new InvalidOperationException("SaveDataAsync must run before RestoreDataAsync.");
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(_restoreSql, connection, transaction))
            await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_container is not null) await _container.DisposeAsync();
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
