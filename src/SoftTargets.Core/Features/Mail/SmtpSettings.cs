namespace SoftTargets.Core.Mail;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpTls
{
    /// <summary>Plain SMTP: only for a local development sink.</summary>
    None,
    /// <summary>STARTTLS when the server offers it, plain otherwise.</summary>
    StartTlsWhenAvailable,
    /// <summary>STARTTLS, refused when the server does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (usually port 465).</summary>
    SslOnConnect,
}

/// <summary>The <c>Smtp</c> configuration section.</summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 2525;
    /// <summary>Empty: no authentication.</summary>
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public SmtpTls Tls { get; set; } = SmtpTls.StartTlsWhenAvailable;
    /// <summary>The sender, as <c>Name &lt;address&gt;</c> or a bare address.</summary>
    public string From { get; set; } = "SoftTargets <no-reply@softtargets.example>";
    public int TimeoutSeconds { get; set; } = 30;
    /// <summary>The address links in mails start with, e.g. <c>https://softtargets.example</c>.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";
}
