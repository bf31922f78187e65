using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Features.Methodology;

// Tiers, measures with their variants, self-assessment questions and the scope.
public static partial class MethodologyValidator
{
    private static void CheckTiers(MethodologyDocument document, DocumentCheck check)
    {
        var tierKeys = new HashSet<string>();
        for (var i = 0; i < document.Tiers.Count; i++)
        {
            var tier = document.Tiers[i];
            var path = $"$.tiers[{i}]";
            if (!CatalogKey().IsMatch(tier.Key) || !tierKeys.Add(tier.Key))
                check.Add($"{path}.key", $"The tier key '{tier.Key}' must be unique lower-case words joined by '-'.", $"Klíč úrovně '{tier.Key}' musí být jedinečný, malými písmeny spojený znakem '-'.");
            check.Text(tier.Name, $"{path}.name");
            check.Rule(tier.When, $"{path}.when", insideTier: true);
        }
    }

    private static void CheckMeasures(MethodologyDocument document, DocumentCheck check)
    {
        for (var i = 0; i < document.Measures.Count; i++)
        {
            var measure = document.Measures[i];
            var path = $"$.measures[{i}]";
            check.StableKey(measure.Key, $"{path}.key");
            check.Reference(check.Known.Roles, measure.Role, $"{path}.role", "role", "role");
            check.Category(measure.Category, $"{path}.category");
            if (measure.ReviewMonths is < 1 or > 60)
                check.Add($"{path}.reviewMonths", "The review interval must be from 1 to 60 months.", "Interval revize musí být 1 až 60 měsíců.");
            check.Text(measure.Title, $"{path}.title");
            check.Text(measure.Guidance, $"{path}.guidance");
            check.Text(measure.Evidence, $"{path}.evidence");
            if (measure.AppliesWhen is not null) check.Rule(measure.AppliesWhen, $"{path}.appliesWhen");
            CheckVariants(measure.Variants, path, check);
        }
    }

    private static void CheckVariants(IReadOnlyList<MeasureVariant>? variants, string path, DocumentCheck check)
    {
        for (var i = 0; i < (variants?.Count ?? 0); i++)
        {
            var variant = variants![i];
            var variantPath = $"{path}.variants[{i}]";
            check.Rule(variant.When, $"{variantPath}.when");
            if (variant.Title is null && variant.Guidance is null && variant.Evidence is null)
                check.Add(variantPath, "A variant needs its own title, guidance or evidence.", "Varianta potřebuje vlastní název, pokyny nebo doklad.");
            if (variant.Title is not null) check.Text(variant.Title, $"{variantPath}.title");
            if (variant.Guidance is not null) check.Text(variant.Guidance, $"{variantPath}.guidance");
            if (variant.Evidence is not null) check.Text(variant.Evidence, $"{variantPath}.evidence");
        }
    }

    private static void CheckQuestions(MethodologyDocument document, DocumentCheck check)
    {
        for (var i = 0; i < document.Questions.Count; i++)
        {
            var question = document.Questions[i];
            var path = $"$.questions[{i}]";
            check.StableKey(question.Key, $"{path}.key");
            check.Category(question.Category, $"{path}.category");
            check.Text(question.Text, $"{path}.text");
            if (!question.Levels.Select(l => l.Level).Order().SequenceEqual([1, 2, 3, 4, 5]))
                check.Add($"{path}.levels", "A question needs exactly five levels, numbered 1 (very low protection) to 5 (very high).",
                    "Otázka potřebuje přesně pět úrovní, číslovaných 1 (velmi nízká ochrana) až 5 (velmi vysoká).");
            for (var l = 0; l < question.Levels.Count; l++)
            {
                check.Text(question.Levels[l].Text, $"{path}.levels[{l}].text");
                for (var c = 0; c < question.Levels[l].Calls.Count; c++)
                    if (!check.MeasureKeys.Contains(question.Levels[l].Calls[c]))
                        check.Add($"{path}.levels[{l}].calls[{c}]", $"The answer calls for measure '{question.Levels[l].Calls[c]}', which does not exist.",
                            $"Odpověď vyžaduje opatření '{question.Levels[l].Calls[c]}', které neexistuje.");
            }
        }
    }

    private static void CheckScope(MethodologyScope? scope, DocumentCheck check)
    {
        if (scope is null) return;
        check.Rule(scope.When, "$.scope.when");
        for (var i = 0; i < scope.Baseline.Count; i++)
            if (!check.MeasureKeys.Contains(scope.Baseline[i]))
                check.Add($"$.scope.baseline[{i}]", $"The baseline names measure '{scope.Baseline[i]}', which does not exist.",
                    $"Základní opatření '{scope.Baseline[i]}' neexistuje.");
    }
}
