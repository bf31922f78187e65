using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Tests;

namespace SoftTargets.IntegrationTests.Api;

/// <summary>The app on a real Kestrel port: the in-memory test server does not enforce Kestrel's limits.</summary>
public sealed class KestrelHost : IAsyncDisposable
{
    private WebApplicationFactory<Program>? _factory;

    public string BaseUrl { get; private set; } = "";

    public void EnsureStarted(DatabaseFixture fixture)
    {
        if (_factory is not null) return;
        BaseUrl = $"http://127.0.0.1:{TestHosts.FreePort()}";
        _factory = fixture.Derive(builder => builder.UseUrls(BaseUrl), factory =>
        {
            factory.UseKestrel();
            factory.StartServer();
        });
    }

    /// <summary>A client with its own cookies, signed in through the real login form.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email) => (await SignInAsync(email)).Client;

    /// <summary>The signed-in client and its cookie header, for sending by hand.</summary>
    public async Task<(HttpClient Client, string Cookies)> SignInAsync(string email)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = new Uri(BaseUrl),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var response = await DatabaseFixture.PostLoginAsync(client, email, Core.Data.Seed.DemoSeeder.Password);
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Signing in as {email} failed: {response.StatusCode}");
        return (client, cookies.GetCookieHeader(new Uri(BaseUrl)));
    }

    /// <summary>
    /// Posts a generated body over a plain socket and reads the answer while still sending, as curl does:
    /// HttpClient gives up with a broken pipe when the server answers before the body is through.
    /// </summary>
    public async Task<(int Status, string Body)> PostRawAsync(string cookies, string path, string contentType, byte[] pattern, long length, bool chunked)
    {
        var uri = new Uri(BaseUrl);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {uri.Authority}\r\nCookie: {cookies}\r\nContent-Type: {contentType}\r\n"
            + (chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {length}\r\n") + "\r\n";
        var sending = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                var block = new byte[64 * 1024];
                for (var i = 0; i < block.Length; i++) block[i] = pattern[i % pattern.Length];
                for (long sent = 0; sent < length; sent += block.Length)
                {
                    var n = (int)Math.Min(block.Length, length - sent);
                    if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{n:x}\r\n"));
                    await stream.WriteAsync(block.AsMemory(0, n));
                    if (chunked) await stream.WriteAsync("\r\n"u8.ToArray());
                }
                if (chunked) await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // The server answered and closed (or the answer was read and the socket closed here): what it said is read below.
            }
        });
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while ((read = await stream.ReadAsync(buffer, timeout.Token)) > 0)
            {
                received.Write(buffer, 0, read);
                if (IsComplete(received.ToArray())) break;
            }
        }
        catch (IOException)
        {
            // A reset after the answer: the answer is already in.
        }
        tcp.Close();
        await sending;
        var text = Encoding.UTF8.GetString(received.ToArray());
        var status = int.Parse(text.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, text);
    }

    private static bool IsComplete(byte[] received)
    {
        var text = Encoding.UTF8.GetString(received);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0) return false;
        var match = System.Text.RegularExpressions.Regex.Match(text[..end], @"(?im)^content-length:\s*(\d+)");
        if (!match.Success) return text.EndsWith("\r\n0\r\n\r\n", StringComparison.Ordinal);
        return Encoding.UTF8.GetByteCount(text[(end + 4)..]) >= int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

public sealed class RequestBodyLimitsTests : DatabaseTest, IClassFixture<KestrelHost>
{
    private const int MB = 1024 * 1024;
    private readonly KestrelHost _host;

    public RequestBodyLimitsTests(DatabaseFixture fixture, KestrelHost host) : base(fixture)
    {
        _host = host;
        _host.EnsureStarted(fixture);
    }

    [Fact]
    public async Task A_chunked_20_MB_csv_gets_413_and_imports_nothing()
    {
        var (_, cookies) = await _host.SignInAsync(ArenaManager);
        var before = await SiteCountAsync();

        var (status, body) = await _host.PostRawAsync(cookies, "/api/sites/import", "text/csv", Encoding.UTF8.GetBytes(CsvRows()), 20L * MB, chunked: true);

        Assert.Equal(413, status);
        Assert.Contains("Split the file", body);
        Assert.Equal(before, await SiteCountAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_31_MB_library_gets_413_not_500(bool chunked)
    {
        var (_, cookies) = await _host.SignInAsync(Editor);

        var (status, body) = await _host.PostRawAsync(cookies, "/api/methodology/import", "application/yaml", "# padding\n"u8.ToArray(), 31L * MB, chunked);

        Assert.Equal(413, status);
        Assert.Contains("larger than 5 MB", body);
    }

    [Fact]
    public async Task A_chunked_oversize_json_site_gets_413_and_saves_nothing()
    {
        var manager = await _host.SignedInClientAsync(ArenaManager);
        var before = await SiteCountAsync();
        var json = "{\"name\": \"Big\", \"address\": \"" + new string('x', 200 * 1024) + "\"}";

        var response = await manager.PostAsync("/api/sites", Generated(json, json.Length, chunked: true, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await SiteCountAsync());
    }

    [Fact]
    public async Task A_csv_sent_as_plain_text_or_a_form_gets_415_and_imports_nothing()
    {
        var manager = await _host.SignedInClientAsync(ArenaManager);
        var before = await SiteCountAsync();
        var csv = "name,address,region,venueType,maxOccupancy\nForm,Main 1,Praha,stadium,100\n";

        var plain = await manager.PostAsync("/api/sites/import", new StringContent(csv, Encoding.UTF8, "text/plain"));
        var form = await manager.PostAsync("/api/sites/import", new FormUrlEncodedContent(new Dictionary<string, string> { [csv] = "" }));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Contains("text/csv", await plain.Content.ReadAsStringAsync());
        Assert.Equal(before, await SiteCountAsync());
    }

    private static string CsvRows()
    {
        var rows = new StringBuilder("name,address,region,venueType,maxOccupancy\n");
        for (var i = 0; i < 100; i++) rows.Append("Site ").Append(Guid.NewGuid()).Append(",Main 1,Praha,stadium,100\n");
        return rows.ToString();
    }

    /// <summary>A body of <paramref name="length"/> bytes repeating <paramref name="pattern"/>, generated as it is sent.</summary>
    private static HttpContent Generated(string pattern, long length, bool chunked, string contentType)
    {
        var content = new StreamContent(new PatternStream(Encoding.UTF8.GetBytes(pattern), length));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (!chunked) content.Headers.ContentLength = length;
        return content;
    }

    private async Task<int> SiteCountAsync()
    {
        await using var db = Fixture.NewDbContext();
        return await db.Sites.CountAsync();
    }

    private sealed class PatternStream(byte[] pattern, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++) buffer[offset + i] = pattern[(_position + i) % pattern.Length];
            _position += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
