using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.UnitTests.Features.Guidelines;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Methodology;

/// <summary>
/// A small document (already short of some texts, categories and procedures) broken further in every section: the validator reports each problem at its path, with its
/// words in both languages, in the order of the sections (catalogues, tiers, measures, questions, scope, playbooks).
/// </summary>
public sealed class MethodologyValidatorSectionsTests
{
    private static MethodologyDocument Broken()
    {
        var seed = GuidelineTestData.Small;
        var role = seed.Roles[0].Key;
        var measure = seed.Measures[0];
        var question = seed.Questions[0];
        var playbook = seed.Playbooks[0];
        return seed with
        {
            Title = new("Title", ""),
            Roles = [.. seed.Roles, seed.Roles[0], new("Bad Key", new("Bad", "Špatná")) { RequiredWhen = VenueTypeIn("nowhere") }],
            VenueTypes = [.. seed.VenueTypes, new("marina", new("Marina", "Přístav")) { Required = true }],
            ThreatTypes = [.. seed.ThreatTypes, new("meteor", new("Meteor", "Meteorit"))],
            Regions = [.. seed.Regions, new("1bad", new("Bad", "Špatný")), seed.Regions[0] with { Key = seed.Regions[0].Key.ToUpperInvariant() }],
            MeasureCategories = [.. seed.MeasureCategories, seed.MeasureCategories[0]],
            Tiers = [.. seed.Tiers, seed.Tiers[0] with { When = TierIn(seed.Tiers[0].Key) }],
            Measures =
            [
                .. seed.Measures,
                measure,
                measure with
                {
                    Key = "acc", Role = "nobody", Category = "Logistics", ReviewMonths = 0, Title = new("", ""),
                    AppliesWhen = new Condition { Attribute = "x", Occupancy = new NumberComparison { Gte = 1 } },
                    Variants = [new MeasureVariant { When = Threat("meteor", 30) }],
                },
                measure with { Key = "ACC-99", AppliesWhen = All(), Variants = null },
                measure with { Key = "ACC-98", AppliesWhen = Any(new Condition { Occupancy = new NumberComparison() }, Not(TierIn("nowhere"))), Variants = null },
            ],
            Questions =
            [
                .. seed.Questions,
                question with { Key = "Q-ZZ-99", Category = "Logistics", Levels = [.. question.Levels.Skip(1), new AnswerLevel(5, new("", "Pět"), ["NOPE-01"])] },
            ],
            Scope = new MethodologyScope { When = new Condition(), Baseline = ["NOPE-02"] },
            Playbooks =
            [
                .. seed.Playbooks,
                playbook with
                {
                    Key = "PB-AGAIN",
                    Steps =
                    [
                        playbook.Steps[0] with { Key = "PB-AGAIN-1", Role = "nobody", TargetMinutes = -1, Text = new("Call {contact.nobody}", "Volat {site.nowhere}"), When = Attribute("nothing") },
                    ],
                },
            ],
        };
    }

    [Fact]
    public void Every_section_reports_its_problems_at_their_paths_in_order()
    {
        var problems = MethodologyValidator.Validate(Broken(), code: "Bad Code");

        Assert.Equal(Expected.ReplaceLineEndings("\n").Trim(), string.Join("\n", problems.Select(Line)));
    }

    private static string Line(MethodologyProblem problem) => $"{problem.Path} | {problem.Message.En} | {problem.Message.Cs}";

    private const string Expected = """
        $.methodology | The methodology code 'Bad Code' must be lower-case words joined by '-'. | Kód metodiky 'Bad Code' musí být slova malými písmeny spojená znakem '-'.
        $.title | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.roles[2].key | The key 'security-lead' is used twice in roles. | Klíč 'security-lead' je v roles použit dvakrát.
        $.roles[3].key | The key 'Bad Key' must be lower-case words joined by '-'. | Klíč 'Bad Key' musí být slova malými písmeny spojená znakem '-'.
        $.venueTypes[3].required | Only roles can be required: remove 'required' and 'requiredWhen' here. | Povinné mohou být jen role: odstraňte zde 'required' a 'requiredWhen'.
        $.regions[2].key | The region key '1bad' must be letters and digits (words may be joined by '-'), at most 32 characters, e.g. Praha. | Klíč (kraj) '1bad' musí být písmena a číslice (slova lze spojit znakem '-'), nejvýše 32 znaků, např. Praha.
        $.regions[3].key | The key 'PRAHA' is used twice in regions. | Klíč 'PRAHA' je v regions použit dvakrát.
        $.measureCategories[4].key | The key 'Governance' is used twice in measureCategories. | Klíč 'Governance' je v measureCategories použit dvakrát.
        $.roles[3].requiredWhen.venueTypeIn[0] | Unknown venue type 'nowhere'. | Neznámý údaj (typ objektu) 'nowhere'.
        $.tiers[2].key | The tier key 'enhanced' must be unique lower-case words joined by '-'. | Klíč úrovně 'enhanced' musí být jedinečný, malými písmeny spojený znakem '-'.
        $.tiers[2].when.tierIn | A tier's own rule cannot depend on the tier. | Pravidlo úrovně nemůže záviset na úrovni.
        $.measures[0].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[0].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[1].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[1].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[2].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[2].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[3].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[3].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[4].key | The key 'GOV-01' is used twice: stable keys must be unique. | Klíč 'GOV-01' je použit dvakrát: stálé klíče musí být jedinečné.
        $.measures[4].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[4].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[5].key | The key 'acc' must be upper-case letters and digits joined by '-', e.g. ACC-03. | Klíč 'acc' musí být velká písmena a číslice spojené znakem '-', např. ACC-03.
        $.measures[5].role | Unknown role 'nobody'. | Neznámý údaj (role) 'nobody'.
        $.measures[5].category | The category 'Logistics' is not one of the methodology's measure categories: use one of Governance, Detection, AccessControl, Response, Governance. | Kategorie 'Logistics' není mezi kategoriemi opatření metodiky: použijte jednu z Governance, Detection, AccessControl, Response, Governance.
        $.measures[5].reviewMonths | The review interval must be from 1 to 60 months. | Interval revize musí být 1 až 60 měsíců.
        $.measures[5].title | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[5].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[5].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[5].appliesWhen | Each rule must be exactly one of: all, any, not, venueTypeIn, occupancy, attribute, threat, tierIn, attendance. | Každé pravidlo musí být právě jedno z: all, any, not, venueTypeIn, occupancy, attribute, threat, tierIn, attendance.
        $.measures[5].variants[0].when.threat.riskAtLeast | riskAtLeast must be from 1 to 25 (likelihood × impact). | riskAtLeast musí být 1 až 25 (pravděpodobnost × dopad).
        $.measures[5].variants[0] | A variant needs its own title, guidance or evidence. | Varianta potřebuje vlastní název, pokyny nebo doklad.
        $.measures[6].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[6].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[6].appliesWhen.all | 'all' needs at least one rule. | 'all' potřebuje alespoň jedno pravidlo.
        $.measures[7].guidance | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[7].evidence | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.measures[7].appliesWhen.any[0].occupancy | occupancy needs gte, gt, lte or lt with a number. | occupancy potřebuje gte, gt, lte nebo lt s číslem.
        $.measures[7].appliesWhen.any[1].not.tierIn[0] | Unknown tier 'nowhere'. | Neznámý údaj (úroveň) 'nowhere'.
        $.questions[0].category | The category '' is not one of the methodology's measure categories: use one of Governance, Detection, AccessControl, Response, Governance. | Kategorie '' není mezi kategoriemi opatření metodiky: použijte jednu z Governance, Detection, AccessControl, Response, Governance.
        $.questions[1].category | The category '' is not one of the methodology's measure categories: use one of Governance, Detection, AccessControl, Response, Governance. | Kategorie '' není mezi kategoriemi opatření metodiky: použijte jednu z Governance, Detection, AccessControl, Response, Governance.
        $.questions[2].category | The category 'Logistics' is not one of the methodology's measure categories: use one of Governance, Detection, AccessControl, Response, Governance. | Kategorie 'Logistics' není mezi kategoriemi opatření metodiky: použijte jednu z Governance, Detection, AccessControl, Response, Governance.
        $.questions[2].levels | A question needs exactly five levels, numbered 1 (very low protection) to 5 (very high). | Otázka potřebuje přesně pět úrovní, číslovaných 1 (velmi nízká ochrana) až 5 (velmi vysoká).
        $.questions[2].levels[4].text | Write the text in both English (en) and Czech (cs). | Napište text anglicky (en) i česky (cs).
        $.questions[2].levels[4].calls[0] | The answer calls for measure 'NOPE-01', which does not exist. | Odpověď vyžaduje opatření 'NOPE-01', které neexistuje.
        $.scope.when | Each rule must be exactly one of: all, any, not, venueTypeIn, occupancy, attribute, threat, tierIn, attendance. | Každé pravidlo musí být právě jedno z: all, any, not, venueTypeIn, occupancy, attribute, threat, tierIn, attendance.
        $.scope.baseline[0] | The baseline names measure 'NOPE-02', which does not exist. | Základní opatření 'NOPE-02' neexistuje.
        $.playbooks[1] | The playbook has no invacuation step: every playbook covers evacuation, invacuation, lockdown and communication. | Scénáři chybí krok typu invacuation: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.
        $.playbooks[1] | The playbook has no lockdown step: every playbook covers evacuation, invacuation, lockdown and communication. | Scénáři chybí krok typu lockdown: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.
        $.playbooks[2].threat | There is already a playbook for the threat 'firearms'. | Pro hrozbu 'firearms' už scénář existuje.
        $.playbooks[2].steps[0].role | Unknown role 'nobody'. | Neznámý údaj (role) 'nobody'.
        $.playbooks[2].steps[0].when.attribute | Unknown attribute 'nothing'. | Neznámý údaj (vlastnost) 'nothing'.
        $.playbooks[2].steps[0].targetMinutes | The time target must be from 0 to 10,080 minutes (a week). | Časový cíl musí být 0 až 10 080 minut (týden).
        $.playbooks[2].steps[0].text | Unknown placeholder {contact.nobody}: see the list in docs/methodology-format.md. | Neznámý zástupný text {contact.nobody}: seznam je v docs/methodology-format.md.
        $.playbooks[2].steps[0].text | Unknown placeholder {site.nowhere}: see the list in docs/methodology-format.md. | Neznámý zástupný text {site.nowhere}: seznam je v docs/methodology-format.md.
        $.playbooks[2] | The playbook has no evacuation step: every playbook covers evacuation, invacuation, lockdown and communication. | Scénáři chybí krok typu evacuation: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.
        $.playbooks[2] | The playbook has no invacuation step: every playbook covers evacuation, invacuation, lockdown and communication. | Scénáři chybí krok typu invacuation: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.
        $.playbooks[2] | The playbook has no lockdown step: every playbook covers evacuation, invacuation, lockdown and communication. | Scénáři chybí krok typu lockdown: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.
        $.playbooks[2] | The playbook has no communication step: every playbook covers evacuation, invacuation, lockdown and communication. | Scénáři chybí krok typu communication: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.
        $.threatTypes[2] | The threat type 'cbrn' has no playbook. | Typ hrozby 'cbrn' nemá scénář reakce.
        $.threatTypes[3] | The threat type 'meteor' has no playbook. | Typ hrozby 'meteor' nemá scénář reakce.
        """;
}
