using System.Text.RegularExpressions;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Methodology.Rules;

namespace SoftTargets.Core.Features.Methodology;

/// <summary>A problem in a methodology document, at a path like <c>$.measures[3].role</c>.</summary>
public sealed record MethodologyProblem(string Path, LocalizedText Message);

/// <summary>
/// Everything a methodology must satisfy before it is imported or published: unique stable keys,
/// references that exist, known placeholders, five answer levels, the four procedures per playbook.
/// </summary>
public static partial class MethodologyValidator
{
    public static readonly IReadOnlyList<Procedure> RequiredProcedures =
        [Procedure.Evacuation, Procedure.Invacuation, Procedure.Lockdown, Procedure.Communication];

    private static readonly HashSet<string> SitePlaceholders =
        ["site.name", "site.address", "site.maxOccupancy", "zone.name", "zone.assemblyPoint", "zone.invacuationRoom", "zone.entrances"];

    public static IReadOnlyList<MethodologyProblem> Validate(MethodologyDocument document, string? code = null)
    {
        var problems = new List<MethodologyProblem>();
        void Add(string path, string en, string cs) => problems.Add(new MethodologyProblem(path, new LocalizedText(en, cs)));

        if (code is not null && !CatalogKey().IsMatch(code))
            Add("$.methodology", $"The methodology code '{code}' must be lower-case words joined by '-'.",
                $"Kód metodiky '{code}' musí být slova malými písmeny spojená znakem '-'.");
        var languages = Languages(document.Languages, Add);
        void CheckText(LocalizedText? text, string path, Action<string, string, string> add) => CheckTextIn(languages, text, path, add);
        CheckText(document.Title, "$.title", Add);

        var catalogues = new (string Name, IReadOnlyList<CatalogItem> Items)[]
        {
            ("roles", document.Roles), ("venueTypes", document.VenueTypes), ("threatTypes", document.ThreatTypes), ("attributes", document.Attributes),
        };
        foreach (var (name, items) in catalogues)
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < items.Count; i++)
            {
                var path = $"$.{name}[{i}]";
                if (!CatalogKey().IsMatch(items[i].Key))
                    Add($"{path}.key", $"The key '{items[i].Key}' must be lower-case words joined by '-'.", $"Klíč '{items[i].Key}' musí být slova malými písmeny spojená znakem '-'.");
                if (!seen.Add(items[i].Key))
                    Add($"{path}.key", $"The key '{items[i].Key}' is used twice in {name}.", $"Klíč '{items[i].Key}' je v {name} použit dvakrát.");
                CheckText(items[i].Name, $"{path}.name", Add);
                if (name != "roles" && (items[i].Required || items[i].RequiredWhen is not null))
                    Add($"{path}.required", "Only roles can be required: remove 'required' and 'requiredWhen' here.",
                        "Povinné mohou být jen role: odstraňte zde 'required' a 'requiredWhen'.");
            }
        }

        CheckNamedKeys(document.Regions, "regions", "region", "kraj", CheckText, Add);
        CheckNamedKeys(document.MeasureCategories, "measureCategories", "measure category", "kategorie opatření", CheckText, Add);
        if (document.Regions.Count == 0)
            Add("$.regions", "Name at least one region: every site is in one of the methodology's regions.",
                "Uveďte alespoň jeden kraj: každý objekt leží v jednom z krajů metodiky.");
        var categoryKeys = document.MeasureCategories.Select(c => c.Key).ToList();

        var known = new KnownKeys(document);
        for (var i = 0; i < document.Roles.Count; i++)
        {
            if (document.Roles[i].RequiredWhen is { } requiredWhen)
                CheckRule(requiredWhen, $"$.roles[{i}].requiredWhen", known, insideTier: false, Add);
        }
        var tierKeys = new HashSet<string>();
        for (var i = 0; i < document.Tiers.Count; i++)
        {
            var tier = document.Tiers[i];
            var path = $"$.tiers[{i}]";
            if (!CatalogKey().IsMatch(tier.Key) || !tierKeys.Add(tier.Key))
                Add($"{path}.key", $"The tier key '{tier.Key}' must be unique lower-case words joined by '-'.", $"Klíč úrovně '{tier.Key}' musí být jedinečný, malými písmeny spojený znakem '-'.");
            CheckText(tier.Name, $"{path}.name", Add);
            CheckRule(tier.When, $"{path}.when", known, insideTier: true, Add);
        }

        var stableKeys = new HashSet<string>();
        void Unique(string key, string path)
        {
            if (!StableKey().IsMatch(key))
                Add(path, $"The key '{key}' must be upper-case letters and digits joined by '-', e.g. ACC-03.",
                    $"Klíč '{key}' musí být velká písmena a číslice spojené znakem '-', např. ACC-03.");
            else if (!stableKeys.Add(key))
                Add(path, $"The key '{key}' is used twice: stable keys must be unique.", $"Klíč '{key}' je použit dvakrát: stálé klíče musí být jedinečné.");
        }

        for (var i = 0; i < document.Measures.Count; i++)
        {
            var measure = document.Measures[i];
            var path = $"$.measures[{i}]";
            Unique(measure.Key, $"{path}.key");
            CheckReference(known.Roles, measure.Role, $"{path}.role", "role", "role", Add);
            CheckCategory(categoryKeys, measure.Category, $"{path}.category", Add);
            if (measure.ReviewMonths is < 1 or > 60)
                Add($"{path}.reviewMonths", "The review interval must be from 1 to 60 months.", "Interval revize musí být 1 až 60 měsíců.");
            CheckText(measure.Title, $"{path}.title", Add);
            CheckText(measure.Guidance, $"{path}.guidance", Add);
            CheckText(measure.Evidence, $"{path}.evidence", Add);
            if (measure.AppliesWhen is not null) CheckRule(measure.AppliesWhen, $"{path}.appliesWhen", known, insideTier: false, Add);
            CheckVariants(measure.Variants, path, known, languages, Add);
        }

        var measureKeys = document.Measures.Select(m => m.Key).ToHashSet();
        for (var i = 0; i < document.Questions.Count; i++)
        {
            var question = document.Questions[i];
            var path = $"$.questions[{i}]";
            Unique(question.Key, $"{path}.key");
            CheckCategory(categoryKeys, question.Category, $"{path}.category", Add);
            CheckText(question.Text, $"{path}.text", Add);
            if (!question.Levels.Select(l => l.Level).Order().SequenceEqual([1, 2, 3, 4, 5]))
                Add($"{path}.levels", "A question needs exactly five levels, numbered 1 (very low protection) to 5 (very high).",
                    "Otázka potřebuje přesně pět úrovní, číslovaných 1 (velmi nízká ochrana) až 5 (velmi vysoká).");
            for (var l = 0; l < question.Levels.Count; l++)
            {
                CheckText(question.Levels[l].Text, $"{path}.levels[{l}].text", Add);
                for (var c = 0; c < question.Levels[l].Calls.Count; c++)
                    if (!measureKeys.Contains(question.Levels[l].Calls[c]))
                        Add($"{path}.levels[{l}].calls[{c}]", $"The answer calls for measure '{question.Levels[l].Calls[c]}', which does not exist.",
                            $"Odpověď vyžaduje opatření '{question.Levels[l].Calls[c]}', které neexistuje.");
            }
        }

        CheckScope(document.Scope, measureKeys, known, Add);

        var threatsWithPlaybook = new HashSet<string>();
        for (var i = 0; i < document.Playbooks.Count; i++)
        {
            var playbook = document.Playbooks[i];
            var path = $"$.playbooks[{i}]";
            Unique(playbook.Key, $"{path}.key");
            CheckReference(known.Threats, playbook.Threat, $"{path}.threat", "threat type", "typ hrozby", Add);
            if (!threatsWithPlaybook.Add(playbook.Threat))
                Add($"{path}.threat", $"There is already a playbook for the threat '{playbook.Threat}'.", $"Pro hrozbu '{playbook.Threat}' už scénář existuje.");
            for (var s = 0; s < playbook.Steps.Count; s++)
            {
                var step = playbook.Steps[s];
                var stepPath = $"{path}.steps[{s}]";
                Unique(step.Key, $"{stepPath}.key");
                CheckReference(known.Roles, step.Role, $"{stepPath}.role", "role", "role", Add);
                CheckText(step.Text, $"{stepPath}.text", Add);
                if (step.When is not null) CheckRule(step.When, $"{stepPath}.when", known, insideTier: false, Add);
                if (step.TargetMinutes is < 0 or > 10_080)
                    Add($"{stepPath}.targetMinutes", "The time target must be from 0 to 10,080 minutes (a week).", "Časový cíl musí být 0 až 10 080 minut (týden).");
                foreach (var placeholder in Placeholders(step.Text.En).Concat(Placeholders(step.Text.Cs)).Distinct())
                    if (!IsKnownPlaceholder(placeholder, known.Roles))
                        Add($"{stepPath}.text", $"Unknown placeholder {{{placeholder}}}: see the list in docs/methodology-format.md.",
                            $"Neznámý zástupný text {{{placeholder}}}: seznam je v docs/methodology-format.md.");
            }
            foreach (var missing in RequiredProcedures.Where(p => playbook.Steps.All(s => s.Procedure != p)))
                Add(path, $"The playbook has no {missing.ToString().ToLowerInvariant()} step: every playbook covers evacuation, invacuation, lockdown and communication.",
                    $"Scénáři chybí krok typu {missing.ToString().ToLowerInvariant()}: každý scénář pokrývá evakuaci, ukrytí, uzamčení a komunikaci.");
        }
        for (var i = 0; i < document.ThreatTypes.Count; i++)
            if (!threatsWithPlaybook.Contains(document.ThreatTypes[i].Key))
                Add($"$.threatTypes[{i}]", $"The threat type '{document.ThreatTypes[i].Key}' has no playbook.", $"Typ hrozby '{document.ThreatTypes[i].Key}' nemá scénář reakce.");

        return problems;
    }

    public static IEnumerable<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value);

    public static bool IsKnownPlaceholder(string placeholder, IReadOnlySet<string> roles)
    {
        if (SitePlaceholders.Contains(placeholder)) return true;
        var parts = placeholder.Split('.');
        return parts[0] == "contact" && parts.Length is 2 or 3 && roles.Contains(parts[1]) && (parts.Length == 2 || parts[2] is "phone" or "deputy");
    }

    private static void CheckVariants(IReadOnlyList<MeasureVariant>? variants, string path, KnownKeys known, (bool En, bool Cs) languages, Action<string, string, string> add)
    {
        for (var i = 0; i < (variants?.Count ?? 0); i++)
        {
            var variant = variants![i];
            var variantPath = $"{path}.variants[{i}]";
            CheckRule(variant.When, $"{variantPath}.when", known, insideTier: false, add);
            if (variant.Title is null && variant.Guidance is null && variant.Evidence is null)
                add(variantPath, "A variant needs its own title, guidance or evidence.", "Varianta potřebuje vlastní název, pokyny nebo doklad.");
            if (variant.Title is not null) CheckTextIn(languages, variant.Title, $"{variantPath}.title", add);
            if (variant.Guidance is not null) CheckTextIn(languages, variant.Guidance, $"{variantPath}.guidance", add);
            if (variant.Evidence is not null) CheckTextIn(languages, variant.Evidence, $"{variantPath}.evidence", add);
        }
    }

    private static void CheckScope(MethodologyScope? scope, IReadOnlySet<string> measureKeys, KnownKeys known, Action<string, string, string> add)
    {
        if (scope is null) return;
        CheckRule(scope.When, "$.scope.when", known, insideTier: false, add);
        for (var i = 0; i < scope.Baseline.Count; i++)
            if (!measureKeys.Contains(scope.Baseline[i]))
                add($"$.scope.baseline[{i}]", $"The baseline names measure '{scope.Baseline[i]}', which does not exist.",
                    $"Základní opatření '{scope.Baseline[i]}' neexistuje.");
    }

    private static void CheckRule(Condition? rule, string path, KnownKeys known, bool insideTier, Action<string, string, string> add) =>
        new RuleCheck(known, insideTier, add).Rule(rule, path);

    private static void CheckReference(IReadOnlySet<string> known, string key, string path, string en, string cs, Action<string, string, string> add) =>
        RuleCheck.Reference(known, key, path, en, cs, add);

    /// <summary>The declared languages when they are valid (some, known, each once); otherwise a problem and both languages.</summary>
    private static (bool En, bool Cs) Languages(IReadOnlyList<string>? declared, Action<string, string, string> add)
    {
        var list = declared ?? [];
        if (list.Count == 0 || list.Any(l => !MethodologyLanguages.Supported.Contains(l)) || list.Distinct().Count() != list.Count)
        {
            add("$.languages", $"List the languages the texts are written in, each once, from: {string.Join(", ", MethodologyLanguages.Supported)}.",
                $"Uveďte jazyky, ve kterých jsou texty napsány, každý jednou, z: {string.Join(", ", MethodologyLanguages.Supported)}.");
            return (true, true);
        }
        return (list.Contains(MethodologyLanguages.English), list.Contains(MethodologyLanguages.Czech));
    }

    /// <summary>A text must be written in every declared language; a language not declared may be left empty.</summary>
    private static void CheckTextIn((bool En, bool Cs) languages, LocalizedText? text, string path, Action<string, string, string> add)
    {
        var missingEn = languages.En && string.IsNullOrWhiteSpace(text?.En);
        var missingCs = languages.Cs && string.IsNullOrWhiteSpace(text?.Cs);
        if (missingEn && languages.Cs || missingCs && languages.En)
            add(path, "Write the text in both English (en) and Czech (cs).", "Napište text anglicky (en) i česky (cs).");
        else if (missingEn)
            add(path, "Write the text in English (en).", "Napište text anglicky (en).");
        else if (missingCs)
            add(path, "Write the text in Czech (cs).", "Napište text česky (cs).");
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CatalogKey();

    /// <summary>Region and measure category keys: a site stores its region in a column of 32 characters.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")]
    private static partial Regex NamedKey();

    public const int MaxNamedKeyLength = 32;

    /// <summary>The regions and measure categories: unique keys of letters and digits (the keys stored before, e.g. <c>Praha</c>) with a name.</summary>
    private static void CheckNamedKeys(IReadOnlyList<CatalogItem> items, string name, string en, string cs,
        Action<LocalizedText?, string, Action<string, string, string>> checkText, Action<string, string, string> add)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.{name}[{i}]";
            var key = items[i].Key ?? "";
            if (!NamedKey().IsMatch(key) || key.Length > MaxNamedKeyLength)
                add($"{path}.key", $"The {en} key '{key}' must be letters and digits (words may be joined by '-'), at most {MaxNamedKeyLength} characters, e.g. Praha.",
                    $"Klíč ({cs}) '{key}' musí být písmena a číslice (slova lze spojit znakem '-'), nejvýše {MaxNamedKeyLength} znaků, např. Praha.");
            else if (!seen.Add(key))
                add($"{path}.key", $"The key '{key}' is used twice in {name}.", $"Klíč '{key}' je v {name} použit dvakrát.");
            checkText(items[i].Name, $"{path}.name", add);
            if (items[i].Required || items[i].RequiredWhen is not null)
                add($"{path}.required", "Only roles can be required: remove 'required' and 'requiredWhen' here.",
                    "Povinné mohou být jen role: odstraňte zde 'required' a 'requiredWhen'.");
        }
    }

    private static void CheckCategory(IReadOnlyList<string> categories, string? category, string path, Action<string, string, string> add)
    {
        if (categories.Contains(category ?? "", StringComparer.Ordinal)) return;
        var allowed = categories.Count == 0 ? "(none: add them under measureCategories)" : string.Join(", ", categories);
        var allowedCs = categories.Count == 0 ? "(žádná: doplňte je do measureCategories)" : string.Join(", ", categories);
        add(path, $"The category '{category}' is not one of the methodology's measure categories: use one of {allowed}.",
            $"Kategorie '{category}' není mezi kategoriemi opatření metodiky: použijte jednu z {allowedCs}.");
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")]
    private static partial Regex StableKey();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PlaceholderPattern();
}
