using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using SoftTargets.Core.Data.Seed;

namespace SoftTargets.Benchmarks;

/// <summary>
/// A bounded HTTP load on loopback against the built app in Production mode, on the dashboard benchmark's
/// database of N synthetic sites: the site list API, one site, a plan page and the national dashboard, each
/// signed in as the demo auditor (who reads every site), next to <c>/health/live</c> measured in the same run
/// with the same sign-in cookie. The load comes from wrk (Debian's package; scripts/bench.sh installs it), which
/// takes far less of the machine than a .NET client would: the app, PostgreSQL and the load share its cores.
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

        // The API at the target's 50 connections; a page render at a few at once, as people open pages (50 national
        // dashboards at once would only measure the queue).
        var targets = new (string Name, string Address, int Connections)[]
        {
            ("GET /health/live (baseline)", "/health/live", Connections),
            ("GET /api/sites (first page)", "/api/sites", Connections),
            ("GET /api/sites (page 41, by cursor)", $"/api/sites?after={laterPage}", Connections),
            ("GET /api/sites/{id}", $"/api/sites/{siteId}", Connections),
            ("GET /sites/{id}/plan (page render)", $"/sites/{planSiteId}/plan", PageConnections),
            ("GET /dashboards (page render)", "/dashboards", PageConnections),
        };
        var cookie = string.Join("; ", handler.CookieContainer.GetCookies(new Uri(app.Address)).Select(c => $"{c.Name}={c.Value}"));
        // Until the JIT has compiled the hot paths at full optimisation the first seconds of load run at half speed.
        foreach (var (_, address, connections) in targets) await LoadAsync(app.Address + address, cookie, connections, Warmup);

        Console.WriteLine();
        Console.WriteLine($"HTTP load, {sites:N0} sites, {duration.TotalSeconds:N0} s each (after a {Warmup.TotalSeconds:N0} s warm-up of each), wrk on loopback:");
        Console.WriteLine();
        Console.WriteLine("| Request                              | Connections | Requests/s | p50 (ms) | p99 (ms) | Throughput vs baseline |");
        Console.WriteLine("|--------------------------------------|------------:|-----------:|---------:|---------:|-----------------------:|");
        var baseline = 0.0;
        Load? list = null;
        foreach (var (name, address, connections) in targets)
        {
            var load = await LoadAsync(app.Address + address, cookie, connections, duration);
            if (baseline == 0) baseline = load.PerSecond;
            if (address == "/api/sites") list = load;
            Console.WriteLine($"| {name,-36} | {connections,11} | {load.PerSecond,10:N0} | {load.P50,8:N1} | {load.P99,8:N1} | {load.PerSecond / baseline,22:N2} |");
        }
        Console.WriteLine();
        var met = list is { PerSecond: >= 2000, P99: < 50 };
        Console.WriteLine(met
            ? $"Target met: GET /api/sites {list!.PerSecond:N0} requests/s ≥ 2,000 at p99 {list.P99:N1} ms < 50 ms."
            : $"Target missed: GET /api/sites {list!.PerSecond:N0} requests/s at p99 {list.P99:N1} ms (target ≥ 2,000 at p99 < 50 ms).");
        return met ? 0 : 1;
    }

    private const int PageConnections = 4;
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);

    private sealed record Load(double PerSecond, double P50, double P99);

    /// <summary>
    /// wrk with the given connections on two threads for the given time, signed in by the cookie; any
    /// answer other than 2xx or 3xx fails the run, since its figures would not describe the page.
    /// </summary>
    private static async Task<Load> LoadAsync(string url, string cookie, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-t", "2", "-c", connections.ToString(CultureInfo.InvariantCulture),
                     "-d", $"{(int)duration.TotalSeconds}s", "--timeout", "60s", "--latency", "-H", $"Cookie: {cookie}", url })
            start.ArgumentList.Add(argument);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: install it (apt-get install -y wrk).");
        var output = await wrk.StandardOutput.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0) throw new InvalidOperationException($"wrk failed on {url}: {await wrk.StandardError.ReadToEndAsync()}");
        if (output.Contains("Non-2xx or 3xx responses", StringComparison.Ordinal))
            throw new InvalidOperationException($"{url} answered with errors: the benchmark measures successful requests only.\n{output}");
        return new Load(Number(output, @"Requests/sec:\s+([\d.]+)"), Milliseconds(output, "50%"), Milliseconds(output, "99%"));
    }

    private static double Number(string output, string pattern) =>
        double.Parse(Regex.Match(output, pattern).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>A percentile of wrk's latency distribution ("99%   43.14ms"), in milliseconds.</summary>
    private static double Milliseconds(string output, string percentile)
    {
        var match = Regex.Match(output, $@"\s{Regex.Escape(percentile)}\s+([\d.]+)(us|ms|s)\b");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

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
