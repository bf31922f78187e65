using System.Net;
using SoftTargets.Core.Domain.Notifications;

namespace SoftTargets.Core.Features.Notifications;

/// <summary>A reminder as the recipient reads it, in their language; used by the mails and the notifications page.</summary>
public static class ReminderTexts
{
    public static bool IsCzech(string language) => language.StartsWith("cs", StringComparison.OrdinalIgnoreCase);

    /// <summary>One line: what happened, to what, where and when.</summary>
    public static string Line(NotificationKind kind, string title, string site, DateOnly occasion, bool cs)
    {
        var date = occasion.ToString(cs ? "d. M. yyyy" : "d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(cs ? "cs" : "en"));
        return kind switch
        {
            NotificationKind.MeasureOverdue => cs ? $"Opatření „{title}“ ({site}) je po termínu, měl(o) být hotovo do {date}." : $"The measure \"{title}\" ({site}) is overdue: it was due on {date}.",
            NotificationKind.MeasureDueSoon => cs ? $"Opatření „{title}“ ({site}) má termín {date}." : $"The measure \"{title}\" ({site}) is due on {date}.",
            NotificationKind.ReviewDueSoon => cs ? $"Revize opatření „{title}“ ({site}) připadá na {date}." : $"The review of the measure \"{title}\" ({site}) is due on {date}.",
            NotificationKind.NewFinding => cs ? $"Auditor zapsal k objektu {site} nové zjištění „{title}“." : $"An auditor raised a new finding on {site}: \"{title}\".",
            NotificationKind.FindingAnswered => cs ? $"Správce objektu {site} odpověděl na vaše zjištění „{title}“." : $"The venue manager of {site} answered your finding \"{title}\".",
            NotificationKind.NewMethodologyVersion => cs ? $"Nová verze metodiky ({title}, vydaná {date}) mění plán objektu {site}: co se mění, ukáže stránka plánu." : $"A new version of the methodology ({title}, published on {date}) changes the plan of {site}: the plan page shows what changes.",
            // A site that never held a drill has no title: there is no last drill to name.
            NotificationKind.DrillDue when title.Length == 0 => cs ? $"Objekt {site} zatím nemá za sebou žádné cvičení: naplánujte ho." : $"{site} has not held a drill yet: plan one.",
            NotificationKind.DrillDue => cs ? $"Poslední cvičení objektu {site} přestává platit {date}: naplánujte další." : $"The last drill of {site} stops counting on {date}: plan the next one.",
            _ => title,
        };
    }

    /// <summary>The page the reminder leads to.</summary>
    public static string Path(NotificationKind kind, Guid siteId) => kind switch
    {
        NotificationKind.NewFinding or NotificationKind.FindingAnswered => "/findings",
        NotificationKind.DrillDue => $"/sites/{siteId}/playbooks",
        _ => $"/sites/{siteId}/plan",
    };
}

/// <summary>The reminder mails: one reminder, or the weekly digest of several; written in the recipient's language.</summary>
public static class ReminderMails
{
    public sealed record Item(NotificationKind Kind, string Title, string Site, Guid SiteId, DateOnly Occasion);

    public static Mail.OutgoingMail Single(string to, string name, string language, Item item, string baseUrl)
    {
        var cs = ReminderTexts.IsCzech(language);
        var subject = item.Kind switch
        {
            NotificationKind.MeasureOverdue => cs ? $"Opatření po termínu: {item.Title}" : $"Measure overdue: {item.Title}",
            NotificationKind.MeasureDueSoon => cs ? $"Blíží se termín opatření: {item.Title}" : $"Measure due soon: {item.Title}",
            NotificationKind.ReviewDueSoon => cs ? $"Blíží se revize opatření: {item.Title}" : $"Review coming due: {item.Title}",
            NotificationKind.NewFinding => cs ? $"Nové zjištění: {item.Title}" : $"New finding: {item.Title}",
            NotificationKind.NewMethodologyVersion => cs ? $"Nová verze metodiky mění plán: {item.Site}" : $"A new methodology version changes the plan: {item.Site}",
            NotificationKind.DrillDue => cs ? $"Čas na cvičení: {item.Site}" : $"A drill is due: {item.Site}",
            _ => cs ? $"Odpověď na zjištění: {item.Title}" : $"Finding answered: {item.Title}",
        };
        return Write(to, name, cs, subject, [ReminderTexts.Line(item.Kind, item.Title, item.Site, item.Occasion, cs)],
            [(cs ? "Otevřít" : "Open", baseUrl.TrimEnd('/') + ReminderTexts.Path(item.Kind, item.SiteId))], baseUrl);
    }

    public static Mail.OutgoingMail Digest(string to, string name, string language, IReadOnlyList<Item> items, string baseUrl)
    {
        var cs = ReminderTexts.IsCzech(language);
        var subject = cs ? $"Týdenní přehled připomínek ({items.Count})" : $"Your weekly reminders ({items.Count})";
        return Write(to, name, cs, subject, items.Select(i => ReminderTexts.Line(i.Kind, i.Title, i.Site, i.Occasion, cs)).ToArray(), [], baseUrl);
    }

    private static Mail.OutgoingMail Write(string to, string name, bool cs, string subject, string[] lines, (string Text, string Link)[] links, string baseUrl)
    {
        var greeting = cs ? $"Dobrý den, {name}," : $"Hello {name},";
        var all = (cs ? "Všechna upozornění" : "All your notifications", baseUrl.TrimEnd('/') + "/notifications");
        var closing = cs ? "Které připomínky chodí e-mailem, nastavíte na stránce upozornění." : "Choose which reminders reach you by e-mail on the notifications page.";
        const string signature = "SoftTargets";
        (string Text, string Link)[] allLinks = [.. links, all];
        var text = string.Join("\n\n", [greeting, .. lines, .. allLinks.Select(l => $"{l.Text}: {l.Link}"), closing, signature]) + "\n";
        var e = (string s) => WebUtility.HtmlEncode(s);
        var html = $"<!DOCTYPE html><html lang=\"{(cs ? "cs" : "en")}\"><head><meta charset=\"utf-8\"><title>{e(subject)}</title></head><body>"
                   + $"<p>{e(greeting)}</p>" + (lines.Length > 1 ? "<ul>" + string.Concat(lines.Select(l => $"<li>{e(l)}</li>")) + "</ul>" : $"<p>{e(lines[0])}</p>")
                   + string.Concat(allLinks.Select(l => $"<p><a href=\"{e(l.Link)}\">{e(l.Text)}</a></p>"))
                   + $"<p>{e(closing)}</p><p>{signature}</p></body></html>";
        return new Mail.OutgoingMail(to, name, subject, text, html);
    }
}
