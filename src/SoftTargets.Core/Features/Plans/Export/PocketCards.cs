using System.Globalization;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Guidelines;

namespace SoftTargets.Core.Features.Plans.Export;

/// <summary>A pocket card: what one role does in the first minutes of an incident, and who holds the role.</summary>
public sealed record PocketCard(string Role, LocalizedText RoleName, string? Person, string? Phone, string? Deputy, IReadOnlyList<PocketCardStep> Steps);

public sealed record PocketCardStep(LocalizedText Threat, IncidentPhase Phase, int? TargetMinutes, LocalizedText Text);

/// <summary>Pocket cards, one per role that has P1–P2 steps in the plan's playbooks.</summary>
public static class PocketCards
{
    /// <summary>
    /// One card per role that has P1–P2 steps in the plan's playbooks: the role, the person (and deputy) from the site's
    /// contacts, the emergency numbers and that role's P1–P2 steps with time targets, grouped by threat; a DOCX with one
    /// card per A6 page, in the given language.
    /// </summary>
    public static byte[] Write(PlanExportData data, CultureInfo culture)
    {
        var title = $"{data.Site.Name} – {ExportTexts.PocketCardsName.Text(culture)}";
        var cards = Build(data);
        return WordBuilder.Write(title, ExportTexts.Language(culture), data.GeneratedAt, PageSetup.A6, doc =>
        {
            if (cards.Count == 0)
                doc.Text(ExportTexts.NoCards.Text(culture));
            for (var i = 0; i < cards.Count; i++)
                WriteCard(doc, data.Site.Name, cards[i], culture, newPage: i > 0);
        });
    }

    /// <summary>The same cards as data, in the order their roles first act in the playbooks; steps by threat, then phase.</summary>
    public static IReadOnlyList<PocketCard> Build(PlanExportData data)
    {
        var contacts = SnapshotOrder.Contacts(data.Site).Where(c => !string.IsNullOrWhiteSpace(c.Name)).ToList();
        return data.Guideline.Playbooks
            .SelectMany(p => p.Steps.Where(s => s.Phase is IncidentPhase.P1 or IncidentPhase.P2).OrderBy(s => s.Phase).Select(s => (Playbook: p, Step: s)))
            .GroupBy(x => x.Step.Role, StringComparer.Ordinal)
            .Select(role =>
            {
                var primary = contacts.FirstOrDefault(c => c.RoleKey == role.Key && !c.IsDeputy);
                var deputy = contacts.FirstOrDefault(c => c.RoleKey == role.Key && c.IsDeputy);
                var steps = role.Select(x => new PocketCardStep(x.Playbook.ThreatName, x.Step.Phase, x.Step.TargetMinutes, x.Step.Text)).ToList();
                return new PocketCard(role.Key, role.First().Step.RoleName, primary?.Name.Trim(), NullIfBlank(primary?.Phone), deputy?.Name.Trim(), steps);
            })
            .ToList();
    }

    private static void WriteCard(WordBuilder doc, string siteName, PocketCard card, CultureInfo culture, bool newPage)
    {
        doc.Heading1(card.RoleName.Text(culture), newPage);
        doc.Field(ExportTexts.Site.Text(culture), siteName);
        var person = card.Person ?? ExportTexts.NotNamed.Text(culture);
        doc.Field(ExportTexts.Responsible.Text(culture), card.Phone is null ? person : $"{person}, {card.Phone}");
        doc.Field(ExportTexts.Deputy.Text(culture), card.Deputy ?? ExportTexts.NotNamed.Text(culture));
        doc.Text(ExportTexts.EmergencyNumbers.Text(culture), bold: true);
        foreach (var threat in card.Steps.GroupBy(s => s.Threat))
        {
            doc.Heading2(threat.Key.Text(culture));
            doc.Table(
                [new(ExportTexts.Phase.Text(culture), 24), new(ExportTexts.Step.Text(culture), 76)],
                threat.Select(s => (IReadOnlyList<string>)[When(s, culture), s.Text.Text(culture)]));
        }
    }

    /// <summary>"P1" and, on the next line, "within 2 min".</summary>
    private static string When(PocketCardStep step, CultureInfo culture) =>
        step.TargetMinutes is { } minutes ? $"{step.Phase}\n{ExportTexts.Minutes.Text(culture, minutes)}" : step.Phase.ToString();

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
