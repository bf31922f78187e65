using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SoftTargets.Core.Data.Seed;

namespace SoftTargets.Benchmarks;

/// <summary>
/// A bounded HTTP load on loopback against the built app in Production mode, on the dashboard benchmark's
/// database of N synthetic sites: the site list API, one site, a plan page and the national dashboard, each
/// signed in as the demo auditor (who reads every site), next to <c>/health/live</c> measured in the same run.
/// Target for <c>GET /api/sites</c>: at least 2,000 requests a second with p99 under 50 ms at 50 connections.
/// </summary>
public static class ApiBenchmark
{
    private const int Connections = 50;

    public static async Task<int> RunAsync(string server, int sites, TimeSpan duration)
    {
        var connectionString = await DashboardBenchmark.PrepareDatabaseAsync(server, sites);
        var (siteId, planSiteId) = await SampleSitesAsync(connectionString);
        using var app = await BenchApp.StartAsync(connectionString, new Dictionary<string, string>
        {
            // The per-user API limit would answer most of this load with 429.
            ["RateLimiting__Api__PermitLimit"] = "100000000",
        });
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = Connections };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(app.Address), Timeout = TimeSpan.FromMinutes(1) };
        await BenchApp.SignInAsync(client, "auditor@softtargets.example");
        var laterPage = await CursorAfterAsync(client, pages: 40);

        var targets = new (string Name, string Address)[]
        {
            ("GET /health/live (baseline)", "/health/live"),
            ("GET /api/sites (first page)", "/api/sites"),
            ("GET /api/sites (page 41, by cursor)", $"/api/sites?after={laterPage}"),
            ("GET /api/sites/{id}", $"/api/sites/{siteId}"),
            ("GET /sites/{id}/plan (page render)", $"/sites/{planSiteId}/plan"),
            ("GET /dashboards (page render)", "/dashboards"),
        };
        Console.WriteLine();
        Console.WriteLine($"HTTP load, {sites:N0} sites, {Connections} connections, {duration.TotalSeconds:N0} s each (after a {Warmup.TotalSeconds:N0} s warm-up), loopback:");
        Console.WriteLine();
        Console.WriteLine("| Request                              | Requests/s | p50 (ms) | p99 (ms) | Throughput vs baseline |");
        Console.WriteLine("|--------------------------------------|-----------:|---------:|---------:|-----------------------:|");
        var baseline = 0.0;
        Load? list = null;
        foreach (var (name, address) in targets)
        {
            await LoadAsync(client, address, Warmup);
            var load = await LoadAsync(client, address, duration);
            if (baseline == 0) baseline = load.PerSecond;
            if (address == "/api/sites") list = load;
            Console.WriteLine($"| {name,-36} | {load.PerSecond,10:N0} | {load.P50,8:N1} | {load.P99,8:N1} | {load.PerSecond / baseline,22:N2} |");
        }
        Console.WriteLine();
        var met = list is { PerSecond: >= 2000, P99: < 50 };
        Console.WriteLine(met
            ? $"Target met: GET /api/sites {list!.PerSecond:N0} requests/s ≥ 2,000 at p99 {list.P99:N1} ms < 50 ms."
            : $"Target missed: GET /api/sites {list!.PerSecond:N0} requests/s at p99 {list.P99:N1} ms (target ≥ 2,000 at p99 < 50 ms).");
        return met ? 0 : 1;
    }

    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    private sealed record Load(double PerSecond, double P50, double P99);

    /// <summary>
    /// <see cref="Connections"/> loops each sending the next request when the last one answered, for the given time;
    /// any answer other than 200 stops the run, since its figures would not describe the page.
    /// </summary>
    private static async Task<Load> LoadAsync(HttpClient client, string address, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Connections).Select(_ => Task.Run(async () =>
        {
            var times = new List<double>(4096);
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(address, HttpCompletionOption.ResponseContentRead);
                if (response.StatusCode != HttpStatusCode.OK)
                    throw new InvalidOperationException($"{address} answered {(int)response.StatusCode}: the benchmark measures successful requests only.");
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            return times;
        })).ToList();
        var all = (await Task.WhenAll(workers)).SelectMany(t => t).Order().ToArray();
        var elapsed = watch.Elapsed.TotalSeconds;
        return new Load(all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(share * sorted.Length) - 1)];

    /// <summary>The cursor after the given number of pages, walked once as a client would.</summary>
    private static async Task<string> CursorAfterAsync(HttpClient client, int pages)
    {
        string? next = null;
        for (var i = 0; i < pages; i++)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next is null ? "/api/sites" : $"/api/sites?after={next}");
            next = page.GetProperty("next").GetString() ?? throw new InvalidOperationException($"The site list ended after {i + 1} pages.");
        }
        return next!;
    }

    /// <summary>A synthetic site for the detail request and one with a plan for the page render.</summary>
    private static async Task<(Guid Site, Guid WithPlan)> SampleSitesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var site = new NpgsqlCommand($"""SELECT "Id" FROM "Sites" WHERE "CreatedBy" = '{SyntheticSeeder.By}' ORDER BY "Id" LIMIT 1 OFFSET 500""", connection);
        var siteId = (Guid)(await site.ExecuteScalarAsync())!;
        await using var plan = new NpgsqlCommand("""SELECT p."SiteId" FROM "SitePlans" p ORDER BY p."SiteId" LIMIT 1 OFFSET 700""", connection);
        var planSiteId = (Guid)(await plan.ExecuteScalarAsync())!;
        return (siteId, planSiteId);
    }
}
