using System.Globalization;
using System.Net;
using SoftTargets.Core.Features.Texts;

namespace SoftTargets.Core.Mail;

/// <summary>
/// The account mails (an invitation, a password reset), each written in the recipient's language: English or Czech.
/// Every text is here in both languages; the links are built by the caller from <see cref="SmtpSettings.PublicBaseUrl"/>.
/// </summary>
public static class AccountMails
{
    public static OutgoingMail Invitation(string to, string name, string language, string organization, string link, TimeSpan valid)
    {
        var cs = IsCzech(language);
        var hours = Hours(valid, cs);
        return Write(to, name, cs,
            subject: cs ? $"Pozvánka do SoftTargets ({organization})" : $"Your invitation to SoftTargets ({organization})",
            greeting: cs ? $"Dobrý den, {name}," : $"Hello {name},",
            lines:
            [
                cs ? $"organizace {organization} vám zřídila účet v aplikaci SoftTargets pro plánování připravenosti měkkých cílů."
                   : $"{organization} has set up an account for you in SoftTargets, the readiness planning app for soft targets.",
                cs ? $"Heslo si nastavíte na odkazu níže. Odkaz platí {hours} a lze ho použít jen jednou."
                   : $"Set your password at the link below. The link is valid for {hours} and works once.",
            ],
            linkText: cs ? "Nastavit heslo" : "Set my password",
            link: link,
            closing: cs ? "Pokud jste pozvánku nečekali, tento e-mail můžete smazat." : "If you did not expect this invitation, you can delete this e-mail.");
    }

    public static OutgoingMail PasswordReset(string to, string name, string language, string link, TimeSpan valid)
    {
        var cs = IsCzech(language);
        var hours = Hours(valid, cs);
        return Write(to, name, cs,
            subject: cs ? "Obnovení hesla do SoftTargets" : "Reset your SoftTargets password",
            greeting: cs ? $"Dobrý den, {name}," : $"Hello {name},",
            lines:
            [
                cs ? "někdo (nejspíš vy) požádal o obnovení hesla k vašemu účtu v aplikaci SoftTargets."
                   : "someone (most likely you) asked to reset the password of your SoftTargets account.",
                cs ? $"Nové heslo si nastavíte na odkazu níže. Odkaz platí {hours} a lze ho použít jen jednou."
                   : $"Choose a new password at the link below. The link is valid for {hours} and works once.",
            ],
            linkText: cs ? "Nastavit nové heslo" : "Choose a new password",
            link: link,
            closing: cs ? "Pokud jste o obnovení nežádali, e-mail smažte: vaše heslo zůstává beze změny."
                        : "If you did not ask for this, delete this e-mail: your password stays as it is.");
    }

    private static bool IsCzech(string language) => language.StartsWith("cs", StringComparison.OrdinalIgnoreCase);

    private static string Hours(TimeSpan valid, bool cs)
    {
        var hours = Math.Max(1, (int)Math.Round(valid.TotalHours));
        return cs
            ? Plural.Format(Cs, "{0, plural, one {# hodinu} few {# hodiny} many {# hodiny} other {# hodin}}", hours)
            : Plural.Format(En, "{0, plural, one {# hour} other {# hours}}", hours);
    }

    private static readonly CultureInfo Cs = CultureInfo.GetCultureInfo("cs");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static OutgoingMail Write(string to, string name, bool cs, string subject, string greeting, string[] lines, string linkText, string link, string closing)
    {
        const string signature = "SoftTargets";
        var text = string.Join("\n\n", [greeting, .. lines, $"{linkText}: {link}", closing, signature]) + "\n";
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"<!DOCTYPE html><html lang=\"{(cs ? "cs" : "en")}\"><head><meta charset=\"utf-8\"><title>{e(subject)}</title></head><body>"
                   + $"<p>{e(greeting)}</p>" + string.Concat(lines.Select(l => $"<p>{e(l)}</p>"))
                   + $"<p><a href=\"{e(link)}\">{e(linkText)}</a></p><p>{e(closing)}</p><p>{signature}</p></body></html>";
        return new OutgoingMail(to, name, subject, text, html);
    }
}
