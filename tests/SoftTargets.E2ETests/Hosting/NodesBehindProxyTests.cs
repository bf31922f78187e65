using System.Text.RegularExpressions;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Playwright;
using Npgsql;
using SoftTargets.Core.Data.Seed;
using SoftTargets.E2ETests.Infrastructure;
using SoftTargets.Tests;
using Xunit.Abstractions;

namespace SoftTargets.E2ETests.Hosting;

/// <summary>
/// Two web nodes behind nginx as <c>scripts/nodes.sh</c> starts them (Production mode, one database of this
/// test's own, sticky sessions), and what a venue manager meets when the node holding their circuit stops.
/// Not on the shared app: this test starts and stops processes of its own.
/// </summary>
public sealed class NodesBehindProxyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Stadium = "Slezská aréna";
    private const string NodeHeader = "x-softtargets-node";

    private static readonly string Root = RepositoryRoot();

    private readonly string _folder = Directory.CreateTempSubdirectory("softtargets-nodes.").FullName;
    private readonly int[] _nodePorts = [TestHosts.FreePort(), TestHosts.FreePort()];
    private readonly int _proxyPort = TestHosts.FreePort();
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private TestDatabase _database = null!;
    private IBrowser? _browser;
    private bool _disposed;

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private string ProxyUrl => $"http://127.0.0.1:{_proxyPort}";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("softtargets_nodes");
        var start = Task.CompletedTask;
        try
        {
            start = NodesAsync("start");
            _browser = await SharedBrowser.AcquireAsync(); // the run's one Chromium
            await start;
        }
        catch
        {
            // xunit does not call DisposeAsync after a failed InitializeAsync: whatever did start is stopped here.
            await start.ContinueWith(_ => { }, TaskScheduler.Default);
            await DisposeAsync();
            throw;
        }
        output.WriteLine($"Nodes and nginx started: {_clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_venue_manager_whose_node_stops_is_served_by_the_other_node_still_signed_in_with_the_saved_change_and_saves_again()
    {
        var siteId = await ScalarAsync<Guid>($"""SELECT "Id" FROM "Sites" WHERE "Name" = '{Stadium}'""");
        var keys = await OpenMeasureKeysAsync(siteId);
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = ProxyUrl, Locale = "en-GB" });
        // Twice the other journeys' wait: a reload on the remaining node while its partner shuts down is slow on a busy machine.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "manager@arenaplus.example");
        await page.FillAsync("#password", DemoSeeder.Password);
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^(?!.*/account/login)"), new() { Timeout = 30_000 });
        var first = await page.RunAndWaitForResponseAsync(() => page.GotoAsync($"/sites/{siteId}/plan"), IsCircuit);
        await WaitForCircuitAsync(page);
        var circuitNode = first.Headers[NodeHeader];
        Assert.Contains(circuitNode, _nodePorts.Select(p => $"127.0.0.1:{p}"));

        await SetStatusAsync(page, keys[0], "Implemented");
        output.WriteLine($"Signed in and saved on {circuitNode}: {_clock.Elapsed.TotalSeconds:0.0} s");

        // The node that holds the circuit stops; the page comes back from the other one, a new document.
        await page.EvaluateAsync("() => window.beforeTheNodeStopped = true");
        var other = page.WaitForResponseAsync(r => IsCircuit(r) && r.Headers.GetValueOrDefault(NodeHeader) is { } node && node != circuitNode,
            new PageWaitForResponseOptions { Timeout = 60_000 });
        var stopped = Array.FindIndex(_nodePorts, p => circuitNode == $"127.0.0.1:{p}") + 1;
        await NodesAsync("stop", stopped.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.WaitForFunctionAsync("() => window.beforeTheNodeStopped === undefined", null, new PageWaitForFunctionOptions { Timeout = 60_000 });
        output.WriteLine($"Node {stopped} stopped, the page reloaded: {_clock.Elapsed.TotalSeconds:0.0} s");
        await other;
        await WaitForCircuitAsync(page);

        // Still signed in, on the same page, with what was saved; and the other node saves the next change.
        Assert.EndsWith($"/sites/{siteId}/plan", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(Row(page, keys[0]).Locator(".measure-status")).ToContainTextAsync("Implemented");
        await SetStatusAsync(page, keys[1], "In progress");
        Assert.Equal("Implemented", await StatusAsync(siteId, keys[0]));
        Assert.Equal("InProgress", await StatusAsync(siteId, keys[1]));
        output.WriteLine($"Saved again on the other node: {_clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static bool IsCircuit(IResponse response) => response.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal);

    private static ILocator Row(IPage page, string key) => page.Locator($"#plan-measures tr[data-key='{key}']");

    private static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    private static async Task SetStatusAsync(IPage page, string key, string status)
    {
        var row = Row(page, key);
        await row.Locator(".edit-measure").ClickAsync();
        await page.Locator(".mud-dialog #measure-owner").WaitForAsync();
        await page.Locator(".mud-select").Filter(new() { Has = page.Locator("#measure-status") }).Last.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = status }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        await page.ClickAsync("#measure-save");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Measure {key} saved.");
        await Assertions.Expect(row.Locator(".measure-status")).ToContainTextAsync(status);
    }

    private async Task<List<string>> OpenMeasureKeysAsync(Guid siteId)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT "MeasureKey" FROM "PlanMeasures" WHERE "SiteId" = @site AND "IsApplicable" AND "Status" = 'NotStarted'
            ORDER BY "MeasureKey" LIMIT 2
            """, connection);
        command.Parameters.AddWithValue("site", siteId);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        Assert.Equal(2, keys.Count);
        return keys;
    }

    private async Task<string> StatusAsync(Guid siteId, string key)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "Status" FROM "PlanMeasures" WHERE "SiteId" = @site AND "MeasureKey" = @key""", connection);
        command.Parameters.AddWithValue("site", siteId);
        command.Parameters.AddWithValue("key", key);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Runs scripts/nodes.sh on this test's database, ports and state folder, with the app's build output.</summary>
    private async Task NodesAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("scripts/nodes.sh");
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__SoftTargets"] = _database.ConnectionString;
        start.Environment["SOFTTARGETS_PORT"] = _proxyPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["SOFTTARGETS_NODE_PORTS"] = string.Join(",", _nodePorts);
        start.Environment["SOFTTARGETS_NODES_DIR"] = _folder;
        start.Environment["SOFTTARGETS_APP"] = AppBuildOutput();
        start.Environment["DataProtection__Key"] = _key;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"scripts/nodes.sh {string.Join(' ', arguments)} did not end within 5 minutes.\n{Logs()}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"scripts/nodes.sh {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await errors}\n{Logs()}");
    }

    /// <summary>The nodes' and nginx's logs, for the message of a failure.</summary>
    private string Logs() => string.Join("\n", Directory.EnumerateFiles(_folder, "*.log")
        .Select(f => $"--- {Path.GetFileName(f)}\n{string.Join('\n', File.ReadLines(f).TakeLast(20))}"));

    /// <summary>The web project's build output of this configuration (the test runs from tests/…/bin/CONFIGURATION/TFM/).</summary>
    private static string AppBuildOutput()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        return Path.Combine(Root, "src", "SoftTargets.Web", "bin", framework.Parent!.Name, framework.Name);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "SoftTargets.sln"))) return folder.FullName;
        throw new InvalidOperationException("SoftTargets.sln not found above " + AppContext.BaseDirectory);
    }

    public async Task DisposeAsync()
    {
        if (_disposed) return;
        try
        {
            await NodesAsync("stop");
        }
        finally
        {
            _disposed = true;
            if (_browser is not null) await SharedBrowser.ReleaseAsync();
            if (_database is not null) await _database.DisposeAsync();
            Directory.Delete(_folder, recursive: true);
        }
    }
}
