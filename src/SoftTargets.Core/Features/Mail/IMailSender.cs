namespace SoftTargets.Core.Mail;

/// <summary>One e-mail to one person, already written in their language.</summary>
public sealed record OutgoingMail(string To, string ToName, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Sends e-mail: a real boundary (an SMTP server the app does not own), so an interface. The app sends through
/// <see cref="SmtpMailSender"/>; development and tests point it at an SMTP sink or an in-process server.
/// </summary>
public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}
