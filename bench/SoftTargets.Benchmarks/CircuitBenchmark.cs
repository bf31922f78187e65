using System.Diagnostics;
using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using SoftTargets.Core.Data;
using SoftTargets.Core.Data.Seed;
using SoftTargets.Core.Features.Methodology;

namespace SoftTargets.Benchmarks;

/// <summary>
/// Blazor circuits at scale: N signed-in browser pages (headless Chromium, one browser) each holding a
/// live circuit on the home page of the real app. Reports the app process's resident memory per idle
/// circuit (after a full GC, 1 circuit against N) and the latency of one interaction that round-trips
/// through the circuit (the menu button: click to DOM update, timed in the page), at 1 circuit (the
/// baseline, same run) and across the N circuits. Stops opening circuits when the time budget is spent
/// and reports the number reached.
/// </summary>
public static class CircuitBenchmark
{
    private const string Database = "softtargets_circuits";
    private const string User = "auditor@softtargets.example";
    private const int PagesPerContext = 50;
    private const int OpenAtOnce = 6;
    private const int BaselineClicks = 100;

    /// <summary>Clicks the menu button and resolves with the milliseconds until the drawer's classes change (the circuit's render batch applied).</summary>
    private const string TimedToggle = """
        () => new Promise((resolve, reject) => {
          const drawer = document.querySelector('.mud-drawer');
          const button = document.querySelector('.mud-appbar button');
          if (!drawer || !button) { reject(new Error('no menu button or drawer')); return; }
          const before = drawer.className;
          const observer = new MutationObserver(() => {
            if (drawer.className !== before) { observer.disconnect(); resolve(performance.now() - start); }
          });
          observer.observe(drawer, { attributes: true, attributeFilter: ['class'] });
          const start = performance.now();
          button.click();
          setTimeout(() => { observer.disconnect(); reject(new Error('no update within 10 s')); }, 10000);
        })
        """;

    public static async Task<int> RunAsync(string server, int circuits, TimeSpan budget)
    {
        var deadline = Stopwatch.StartNew();
        var connectionString = await PrepareDatabaseAsync(server);
        using var app = await BenchApp.StartAsync(connectionString, new Dictionary<string, string>
        {
            // Hundreds of pages open from one loopback address within seconds.
            ["RateLimiting__Enabled"] = "false",
        });
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SOFTTARGETS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run",
                // Pages of one site share a few renderer processes instead of one each: hundreds of pages fit in memory.
                "--renderer-process-limit=4", "--disable-renderer-backgrounding", "--disable-background-timer-throttling",
            ],
        });

        var storage = await SignedInStateAsync(browser, app.Address);
        var contexts = new List<IBrowserContext>();
        var pages = new List<IPage>();

        // One context per PagesPerContext pages, all signed in as the same user (one sign-in, its cookie shared).
        async Task<IBrowserContext> NewContextAsync()
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.Address, Locale = "en-GB", StorageState = storage });
            context.SetDefaultTimeout(60_000);
            return context;
        }

        contexts.Add(await NewContextAsync());
        pages.Add(await OpenPageAsync(contexts[0]));
        var baseline = await ClicksAsync(Enumerable.Repeat(pages[0], BaselineClicks + 10).ToList(), warmUp: 10);
        var memoryAtOne = await SettledMemoryAsync(app.ProcessId);

        Console.WriteLine($"Opening {circuits:N0} circuits (time budget {budget.TotalMinutes:N0} min)...");
        var opening = Stopwatch.StartNew();
        // What is left after opening (settling, a full GC, a click on every circuit) takes about a minute.
        var openBudget = budget - TimeSpan.FromSeconds(90) - deadline.Elapsed;
        while (pages.Count < circuits && opening.Elapsed < openBudget)
        {
            var batch = Math.Min(OpenAtOnce, circuits - pages.Count);
            if (pages.Count + batch > contexts.Count * PagesPerContext) contexts.Add(await NewContextAsync());
            var context = contexts[^1];
            pages.AddRange(await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => OpenPageAsync(context))));
            if (pages.Count % 100 < OpenAtOnce) Console.WriteLine($"  {pages.Count:N0} circuits open after {opening.Elapsed.TotalSeconds:N0} s");
        }
        var opened = pages.Count;
        if (opened < circuits) Console.WriteLine($"The time budget ran out: {opened:N0} of {circuits:N0} circuits opened.");
        Console.WriteLine($"{opened:N0} circuits opened in {opening.Elapsed.TotalSeconds:N0} s.");

        var memoryAtN = await SettledMemoryAsync(app.ProcessId);
        // Every circuit answers once (proving it is live), then more rounds while the budget lasts, up to 400 clicks.
        var order = pages.Skip(1).ToList();
        var samples = Math.Max(order.Count, Math.Min(400, order.Count * 4));
        var clicks = Enumerable.Range(0, samples).Select(i => order[i % order.Count]).ToList();
        var atN = await ClicksAsync(clicks, warmUp: 0);

        var perCircuitKb = (memoryAtN.RssKb - memoryAtOne.RssKb) / (double)(opened - 1);
        Console.WriteLine();
        Console.WriteLine($"| Circuits (home page, signed in, idle) | App RSS (MB) | Anonymous (MB) |");
        Console.WriteLine("|---------------------------------------|-------------:|---------------:|");
        Console.WriteLine($"| 1                                     | {memoryAtOne.RssKb / 1024.0,12:N0} | {memoryAtOne.AnonKb / 1024.0,14:N0} |");
        Console.WriteLine($"| {opened,-37:N0} | {memoryAtN.RssKb / 1024.0,12:N0} | {memoryAtN.AnonKb / 1024.0,14:N0} |");
        Console.WriteLine();
        Console.WriteLine($"Memory per idle circuit: {perCircuitKb:N0} KB ({perCircuitKb / 1024:N2} MB; RSS after a full GC, 1 against {opened:N0} circuits).");
        Console.WriteLine();
        Console.WriteLine($"| Menu toggle through the circuit              | Clicks | p50 (ms) | p95 (ms) | p95 ratio |");
        Console.WriteLine("|----------------------------------------------|-------:|---------:|---------:|----------:|");
        Console.WriteLine($"| 1 circuit open (baseline)                    | {baseline.Count,6} | {Percentile(baseline, 50),8:N1} | {Percentile(baseline, 95),8:N1} |      1.00 |");
        Console.WriteLine($"| {opened,5:N0} circuits open, clicks spread over all  | {atN.Count,6} | {Percentile(atN, 50),8:N1} | {Percentile(atN, 95),8:N1} | {Percentile(atN, 95) / Percentile(baseline, 95),9:N2} |");
        Console.WriteLine();
        Console.WriteLine($"p95 interaction latency at {opened:N0} circuits: {Percentile(atN, 95):N1} ms (baseline {Percentile(baseline, 95):N1} ms). Took {deadline.Elapsed.TotalMinutes:N1} min.");

        foreach (var context in contexts) await context.CloseAsync();
        return opened == circuits ? 0 : 1;
    }

    private static async Task<IPage> OpenPageAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("#circuit-ready").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        return page;
    }

    /// <summary>Signs in once through the sign-in form's post (no page rendered) and returns the cookies every context starts with.</summary>
    private static async Task<string> SignedInStateAsync(IBrowser browser, string address)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address });
        var request = context.APIRequest;
        var form = await (await request.GetAsync("/account/login")).TextAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var data = request.CreateFormData();
        data.Set("_handler", "login");
        data.Set("__RequestVerificationToken", token);
        data.Set("Input.Email", User);
        data.Set("Input.Password", DemoSeeder.Password);
        var response = await request.PostAsync("/account/login", new APIRequestContextOptions { Form = data, MaxRedirects = 0 });
        if (response.Status != 302) throw new InvalidOperationException($"Signing in as {User} failed: {response.Status}.");
        return await context.StorageStateAsync();
    }

    /// <summary>Clicks one after another (each page in turn), dropping the first warmUp times.</summary>
    private static async Task<List<double>> ClicksAsync(IReadOnlyList<IPage> pages, int warmUp)
    {
        var times = new List<double>();
        for (var i = 0; i < pages.Count; i++)
        {
            var time = await pages[i].EvaluateAsync<double>(TimedToggle);
            if (i >= warmUp) times.Add(time);
        }
        times.Sort();
        return times;
    }

    private static double Percentile(List<double> sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// The app's resident memory after a few quiet seconds and a full blocking GC, induced from outside
    /// through the runtime's diagnostic port (an EventPipe session asking for a heap collection, as a GC
    /// dump does): nothing in the app serves this.
    /// </summary>
    private static async Task<(long RssKb, long AnonKb)> SettledMemoryAsync(int processId)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var client = new DiagnosticsClient(processId);
        const long gcHeapCollect = 0x800000;
        using (var session = client.StartEventPipeSession(
                   new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, gcHeapCollect), requestRundown: false))
        {
            var drain = session.EventStream.CopyToAsync(Stream.Null);
            await Task.Delay(TimeSpan.FromSeconds(3));
            await session.StopAsync(CancellationToken.None);
            await drain;
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        var status = await File.ReadAllLinesAsync($"/proc/{processId}/status");
        long Field(string name) => long.Parse(status.Single(l => l.StartsWith(name + ":")).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        return (Field("VmRSS"), Field("RssAnon"));
    }

    private static async Task<string> PrepareDatabaseAsync(string server)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = Database }.ConnectionString;
        await BenchDatabase.ExecuteAsync(server, $"DROP DATABASE IF EXISTS {Database} WITH (FORCE)");
        await BenchDatabase.ExecuteAsync(server, $"CREATE DATABASE {Database}");
        await using var provider = BenchDatabase.Services(connectionString);
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SoftTargetsDbContext>().Database.MigrateAsync();
        await scope.ServiceProvider.GetRequiredService<MethodologyLibrary>().EnsureSeededAsync();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        return connectionString;
    }
}
