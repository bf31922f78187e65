using BenchmarkDotNet.Running;
using SoftTargets.Benchmarks;

// scripts/bench.sh runs every benchmark; pass --filter '*Impact*' to run one of the in-memory ones.
// "bulk-regeneration --sites N", "dashboards --sites N", "readiness --sites N" and "circuits --circuits N --minutes M" and "api --sites N --seconds S" run the database benchmarks against the server in SOFTTARGETS_BENCH_DB.
if (args.Length > 0 && args[0] == "bulk-regeneration")
{
    var server = Environment.GetEnvironmentVariable("SOFTTARGETS_BENCH_DB")
        ?? throw new InvalidOperationException("Set SOFTTARGETS_BENCH_DB to a PostgreSQL server's connection string (scripts/bench.sh does).");
    var sites = args.Length > 2 && args[1] == "--sites" ? int.Parse(args[2]) : 100_000;
    return await BulkRegenerationBenchmark.RunAsync(server, sites);
}

if (args.Length > 0 && args[0] == "dashboards")
{
    var server = Environment.GetEnvironmentVariable("SOFTTARGETS_BENCH_DB")
        ?? throw new InvalidOperationException("Set SOFTTARGETS_BENCH_DB to a PostgreSQL server's connection string (scripts/bench.sh does).");
    var sites = args.Length > 2 && args[1] == "--sites" ? int.Parse(args[2]) : 100_000;
    return await DashboardBenchmark.RunAsync(server, sites);
}

if (args.Length > 0 && args[0] == "readiness")
{
    var server = Environment.GetEnvironmentVariable("SOFTTARGETS_BENCH_DB")
        ?? throw new InvalidOperationException("Set SOFTTARGETS_BENCH_DB to a PostgreSQL server's connection string (scripts/bench.sh does).");
    return await ReadinessBenchmark.RunAsync(server, Option("--sites", 100_000));
}

if (args.Length > 0 && args[0] == "circuits")
{
    var server = Environment.GetEnvironmentVariable("SOFTTARGETS_BENCH_DB")
        ?? throw new InvalidOperationException("Set SOFTTARGETS_BENCH_DB to a PostgreSQL server's connection string (scripts/bench.sh does).");
    var circuits = Option("--circuits", 500);
    var minutes = Option("--minutes", 8);
    return await CircuitBenchmark.RunAsync(server, circuits, TimeSpan.FromMinutes(minutes));
}

if (args.Length > 0 && args[0] == "api")
{
    var server = Environment.GetEnvironmentVariable("SOFTTARGETS_BENCH_DB")
        ?? throw new InvalidOperationException("Set SOFTTARGETS_BENCH_DB to a PostgreSQL server's connection string (scripts/bench.sh does).");
    return await ApiBenchmark.RunAsync(server, Option("--sites", 100_000), TimeSpan.FromSeconds(Option("--seconds", 10)));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : fallback;
}
