using Microsoft.Extensions.DependencyInjection;
using SoftTargets.Core.Mail;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Tests;

namespace SoftTargets.IntegrationTests.Mail;

public sealed class SmtpMailSenderTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    [Fact, ReadsOnly]
    public async Task A_mail_reaches_the_smtp_server_with_sender_subject_text_and_html()
    {
        var sender = Fixture.Factory.Services.GetRequiredService<IMailSender>();
        var mail = AccountMails.Invitation("new.person@mail.example", "Nová Osoba", "cs", "ArenaPlus Venues a.s.", "http://app.example/account/invitation?token=abc", TimeSpan.FromHours(72));

        await sender.SendAsync(mail);

        var received = await Fixture.Mail.LatestToAsync("new.person@mail.example");
        Assert.Equal("Pozvánka do SoftTargets (ArenaPlus Venues a.s.)", received.Subject);
        Assert.Equal("no-reply@softtargets.example", received.From.Mailboxes.Single().Address);
        Assert.Equal("Nová Osoba", received.To.Mailboxes.Single().Name);
        Assert.Contains("Odkaz platí 72 hodin", received.TextBody);
        Assert.Contains("href=\"http://app.example/account/invitation?token=abc\"", received.HtmlBody);
        Assert.Equal("http://app.example/account/invitation?token=abc", TestMailServer.LinkIn(received));
    }

    [Fact, ReadsOnly]
    public async Task An_unreachable_smtp_server_fails_the_send_instead_of_losing_the_mail_silently()
    {
        var settings = Microsoft.Extensions.Options.Options.Create(new SmtpSettings { Host = "127.0.0.1", Port = SoftTargets.Tests.TestHosts.FreePort(), Tls = SmtpTls.None, TimeoutSeconds = 2 });
        var sender = new SmtpMailSender(new StaticMonitor(settings.Value), Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpMailSender>.Instance);

        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(AccountMails.PasswordReset("a@mail.example", "A", "en", "http://x.example/r", TimeSpan.FromHours(2))));
    }

    private sealed class StaticMonitor(SmtpSettings value) : Microsoft.Extensions.Options.IOptionsMonitor<SmtpSettings>
    {
        public SmtpSettings CurrentValue => value;
        public SmtpSettings Get(string? name) => value;
        public IDisposable? OnChange(Action<SmtpSettings, string?> listener) => null;
    }
}
