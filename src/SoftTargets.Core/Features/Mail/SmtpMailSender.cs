using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SoftTargets.Core.Mail;

/// <summary>Sends each mail over one SMTP connection with MailKit, as configured in <see cref="SmtpSettings"/>.</summary>
public sealed class SmtpMailSender(IOptionsMonitor<SmtpSettings> settings, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var smtp = settings.CurrentValue;
        var message = Compose(mail, smtp.From);
        using var client = new SmtpClient { Timeout = Math.Max(1, smtp.TimeoutSeconds) * 1000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, Options(smtp.Tls), cancellationToken);
        if (smtp.User.Length > 0) await client.AuthenticateAsync(smtp.User, smtp.Password, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        // The message id only: addresses are personal data and stay out of the logs.
        logger.LogInformation("Mail {MessageId} sent through {Host}:{Port}", message.MessageId, smtp.Host, smtp.Port);
    }

    internal static MimeMessage Compose(OutgoingMail mail, string from)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(mail.ToName, mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody }.ToMessageBody();
        return message;
    }

    private static SecureSocketOptions Options(SmtpTls tls) => tls switch
    {
        SmtpTls.None => SecureSocketOptions.None,
        SmtpTls.StartTls => SecureSocketOptions.StartTls,
        SmtpTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
