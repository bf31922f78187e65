using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans;

namespace SoftTargets.Benchmarks;

/// <summary>
/// Regenerates the plans of N synthetic sites on PostgreSQL (target: at most 2x the baseline), against
/// the baseline of bulk-inserting the very same rows with COPY in the same run: the rows the
/// regeneration wrote are dumped, the tables emptied, and the dump copied back in. A run takes
/// minutes, so it runs once rather than under BenchmarkDotNet's repetitions.
/// </summary>
public static class BulkRegenerationBenchmark
{
    private const string Database = "softtargets_bench";

    public static async Task<int> RunAsync(string server, int sites)
    {
        var connectionString = await RecreateDatabaseAsync(server);
        await using var provider = BenchDatabase.Services(connectionString);

        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SoftTargetsDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<MethodologyLibrary>().EnsureSeededAsync();
            var seeding = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<SyntheticSeeder>().SeedSitesAsync(sites);
            Console.WriteLine($"Seeded {sites:N0} synthetic sites in {seeding.Elapsed.TotalSeconds:N1} s (not measured).");
        }
        await BenchDatabase.ExecuteAsync(connectionString, "VACUUM ANALYZE");

        TimeSpan regeneration;
        await using (var scope = provider.CreateAsyncScope())
        {
            var watch = Stopwatch.StartNew();
            await scope.ServiceProvider.GetRequiredService<PlanRegeneration>().RegenerateAllAsync();
            regeneration = watch.Elapsed;
        }
        Console.WriteLine($"Regenerated the plans of {sites:N0} sites in {regeneration.TotalSeconds:N1} s.");

        var folder = Directory.CreateTempSubdirectory("softtargets-bench-");
        try
        {
            var plans = Path.Combine(folder.FullName, "plans.bin");
            var measures = Path.Combine(folder.FullName, "measures.bin");
            await DumpAsync(connectionString, "SitePlans", plans);
            await DumpAsync(connectionString, "PlanMeasures", measures);
            await BenchDatabase.ExecuteAsync(connectionString, """TRUNCATE "SitePlans", "PlanMeasures" CASCADE""");
            await BenchDatabase.ExecuteAsync(connectionString, "VACUUM ANALYZE");
            await BenchDatabase.ExecuteAsync(connectionString, "CHECKPOINT");

            var watch = Stopwatch.StartNew();
            var rows = await LoadAsync(connectionString, "SitePlans", plans) + await LoadAsync(connectionString, "PlanMeasures", measures);
            var copy = watch.Elapsed;

            var megabytes = (new FileInfo(plans).Length + new FileInfo(measures).Length) / 1024.0 / 1024.0;
            Console.WriteLine();
            Console.WriteLine($"| Bulk plan regeneration, {sites:N0} sites       | Total (s) | Per site (ms) | Ratio |");
            Console.WriteLine("|---------------------------------------------|----------:|--------------:|------:|");
            Console.WriteLine($"| COPY of the same {rows:N0} rows ({megabytes:N0} MB), baseline | {copy.TotalSeconds,9:N1} | {copy.TotalMilliseconds / sites,13:N3} | 1.00 |");
            Console.WriteLine($"| Regenerate: read sites, generate, write     | {regeneration.TotalSeconds,9:N1} | {regeneration.TotalMilliseconds / sites,13:N3} | {regeneration / copy,5:N2} |");
            Console.WriteLine();
            var ratio = regeneration / copy;
            Console.WriteLine(ratio <= 2.0 ? $"Target met: {ratio:N2}x ≤ 2x." : $"Target missed: {ratio:N2}x > 2x.");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> RecreateDatabaseAsync(string server)
    {
        await BenchDatabase.ExecuteAsync(server, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        await BenchDatabase.ExecuteAsync(server, $"CREATE DATABASE {Database}");
        // COPY of gigabytes runs for minutes: no command time limit.
        return new NpgsqlConnectionStringBuilder(server) { Database = Database, CommandTimeout = 0 }.ConnectionString;
    }


    private static async Task DumpAsync(string connectionString, string table, string path)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var file = File.Create(path);
        await using var rows = await connection.BeginRawBinaryCopyAsync($"""COPY "{table}" TO STDOUT (FORMAT BINARY)""");
        await rows.CopyToAsync(file);
    }

    private static async Task<long> LoadAsync(string connectionString, string table, string path)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var file = File.OpenRead(path))
        await using (var rows = await connection.BeginRawBinaryCopyAsync($"""COPY "{table}" FROM STDIN (FORMAT BINARY)"""))
            await file.CopyToAsync(rows);
        await using var count = new NpgsqlCommand($"""SELECT count(*) FROM "{table}" """, connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
