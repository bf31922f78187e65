using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology;

// Playbooks: one per threat type, their steps with roles, time targets and placeholders, the four procedures.
public static partial class MethodologyValidator
{
    private static void CheckPlaybooks(MethodologyDocument document, DocumentCheck check)
    {
        var threatsWithPlaybook = new HashSet<string>();
        for (var i = 0; i < document.Playbooks.Count; i++)
        {
            var playbook = document.Playbooks[i];
            var path = $"$.playbooks[{i}]";
            check.StableKey(playbook.Key, $"{path}.key");
            check.Reference(check.Known.Threats, playbook.Threat, $"{path}.threat", "threat type", "typ hrozby");
            if (!threatsWithPlaybook.Add(playbook.Threat))
                check.Add($"{path}.threat", $"There is already a playbook for the threat '{playbook.Threat}'.", $"Pro hrozbu '{playbook.Threat}' už scénář existuje.");
            for (var s = 0; s < playbook.Steps.Count; s++)
                CheckStep(playbook.Steps[s], $"{path}.steps[{s}]", check);
            foreach (var missing in RequiredProcedures.Where(p => playbook.Steps.All(s => s.Procedure != p)))
                check.Add(path, $"The playbook has no {missing.ToString().ToLowerInvariant()} step: every playbook covers evacuation, invacuation, lockdown and communication.",
                    $"Scénáři chybí krok typu {missing.ToString().ToLowerInvariant()}: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.");
        }
    }

    private static void CheckStep(PlaybookStep step, string path, DocumentCheck check)
    {
        check.StableKey(step.Key, $"{path}.key");
        check.Reference(check.Known.Roles, step.Role, $"{path}.role", "role", "role");
        check.Text(step.Text, $"{path}.text");
        if (step.When is not null) check.Rule(step.When, $"{path}.when");
        if (step.TargetMinutes is < 0 or > 10_080)
            check.Add($"{path}.targetMinutes", "The time target must be from 0 to 10,080 minutes (a week).", "Časový cíl musí být 0 až 10 080 minut (týden).");
        foreach (var placeholder in Placeholders(step.Text.En).Concat(Placeholders(step.Text.Cs)).Distinct())
            if (!IsKnownPlaceholder(placeholder, check.Known.Roles))
                check.Add($"{path}.text", $"Unknown placeholder {{{placeholder}}}: see the list in docs/methodology-format.md.",
                    $"Neznámý zástupný text {{{placeholder}}}: seznam je v docs/methodology-format.md.");
    }

    private static void CheckThreatsHavePlaybooks(MethodologyDocument document, DocumentCheck check)
    {
        var threatsWithPlaybook = document.Playbooks.Select(p => p.Threat).ToHashSet();
        for (var i = 0; i < document.ThreatTypes.Count; i++)
            if (!threatsWithPlaybook.Contains(document.ThreatTypes[i].Key))
                check.Add($"$.threatTypes[{i}]", $"The threat type '{document.ThreatTypes[i].Key}' has no playbook.", $"Typ hrozby '{document.ThreatTypes[i].Key}' nemá scénář reakce.");
    }
}
