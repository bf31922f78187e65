using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SoftTargets.Core.Data.Seed;

namespace SoftTargets.Benchmarks;

/// <summary>
/// The built web app (Release) run as its own process on a loopback port against a benchmark database,
/// as it runs in production; killed on dispose.
/// </summary>
public sealed partial class BenchApp : IDisposable
{
    private readonly Process _process;

    private BenchApp(Process process, string address)
    {
        _process = process;
        Address = address;
    }

    public string Address { get; }

    /// <summary>The app's own process id: its memory is read from outside, through /proc and the runtime's diagnostic port.</summary>
    public int ProcessId => _process.Id;

    public static async Task<BenchApp> StartAsync(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = AppPath();
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", $"\"{app}\"") { WorkingDirectory = Path.GetDirectoryName(app)!, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__SoftTargets"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = address;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Dashboards__SnapshotEveryHours"] = "0";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // The demo staff accounts have no second factor; Production would send them to set one up before anything else.
        start.Environment["Accounts__RequireTwoFactorForStaff"] = "false";
        // Reminders would write mail and notifications for 100,000 sites while the pages are measured.
        start.Environment["Reminders__EveryMinutes"] = "0";
        // Production refuses to start with keys unencrypted at rest; a key of this run's own is enough here.
        start.Environment["DataProtection__Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(object _, DataReceivedEventArgs line)
        {
            if (line.Data is null) return;
            output.Enqueue(line.Data);
            while (output.Count > 40) output.TryDequeue(out var _);
        }
        process.OutputDataReceived += Keep;
        process.ErrorDataReceived += Keep;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var running = new BenchApp(process, address);
        try
        {
            using var client = running.NewClient();
            await WaitUntilUpAsync(client, process);
            return running;
        }
        catch (InvalidOperationException failure)
        {
            running.Dispose();
            throw new InvalidOperationException($"{failure.Message} Its last output:\n{string.Join("\n", output)}", failure);
        }
    }

    public HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = new Uri(Address),
        Timeout = TimeSpan.FromMinutes(2),
    };

    public static async Task SignInAsync(HttpClient client, string email)
    {
        var token = AntiforgeryField().Match(await client.GetStringAsync("/account/login")).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = DemoSeeder.Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as {email} failed: {response.StatusCode}.");
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process process)
    {
        for (var attempt = 0; attempt < 360; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"The app exited with code {process.ExitCode}.");
            try
            {
                if ((await client.GetAsync("/account/login")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(500);
        }
        throw new InvalidOperationException(client.BaseAddress + " did not answer within three minutes.");
    }

    /// <summary>The Release build of the web app (scripts/bench.sh builds it).</summary>
    private static string AppPath()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "SoftTargets.sln"))) folder = folder.Parent;
        var app = Path.Combine(folder?.FullName ?? ".", "src", "SoftTargets.Web", "bin", "Release", "net10.0", "SoftTargets.Web.dll");
        return File.Exists(app) ? app : throw new InvalidOperationException($"Build the app first: dotnet build -c Release src/SoftTargets.Web ({app} is missing).");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
