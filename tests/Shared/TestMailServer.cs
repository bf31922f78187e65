using MimeKit;
using netDumbster.smtp;

namespace SoftTargets.Tests;

/// <summary>
/// An SMTP server inside the test process (netDumbster on a free loopback port): the test host's
/// <c>Smtp</c> settings point at it, and tests read the mails it received as MIME messages.
/// </summary>
public sealed class TestMailServer : IDisposable
{
    private readonly SimpleSmtpServer _server;

    public TestMailServer()
    {
        Port = TestHosts.FreePort();
        _server = Configuration.Configure().WithAddress(System.Net.IPAddress.Loopback).WithPort(Port).Build();
    }

    public int Port { get; }

    /// <summary>The settings a test host needs to send its mail here.</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings() =>
    [
        new("Smtp:Host", "127.0.0.1"), new("Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Smtp:Tls", "None"), new("Smtp:User", ""),
    ];

    public IReadOnlyList<MimeMessage> Received() =>
        _server.ReceivedEmail.Select(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data)))).ToList();

    /// <summary>The newest mail to the address, waiting up to ten seconds for it to arrive.</summary>
    public async Task<MimeMessage> LatestToAsync(string address, Func<MimeMessage, bool>? where = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var found = Received().LastOrDefault(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))
                                                       && (where?.Invoke(m) ?? true));
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No mail to {address} arrived.");
            await Task.Delay(50);
        }
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received().Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The first link into the app a mail's text carries.</summary>
    public static string LinkIn(MimeMessage mail)
    {
        var match = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"https?://\S+");
        return match.Success ? match.Value : throw new InvalidOperationException("The mail carries no link.");
    }

    public void Clear() => _server.ClearReceivedEmail();

    public void Dispose() => _server.Dispose();
}
