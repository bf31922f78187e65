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
/// Each section of the document is checked by its own method (in Validation/), in the order of the format;
/// the problems come in that order.
/// </summary>
public static partial class MethodologyValidator
{
    public static readonly IReadOnlyList<Procedure> RequiredProcedures =
        [Procedure.Evacuation, Procedure.Invacuation, Procedure.Lockdown, Procedure.Communication];

    private static readonly HashSet<string> SitePlaceholders =
        ["site.name", "site.address", "site.maxOccupancy", "zone.name", "zone.assemblyPoint", "zone.invacuationRoom", "zone.entrances"];

    public const int MaxNamedKeyLength = 32;

    public static IReadOnlyList<MethodologyProblem> Validate(MethodologyDocument document, string? code = null)
    {
        var check = new DocumentCheck(document);
        CheckCode(code, check);
        CheckLanguagesAndTitle(document, check);
        CheckCatalogues(document, check);
        CheckRegionsAndCategories(document, check);
        CheckRoleRules(document, check);
        CheckTiers(document, check);
        CheckMeasures(document, check);
        CheckQuestions(document, check);
        CheckScope(document.Scope, check);
        CheckPlaybooks(document, check);
        CheckThreatsHavePlaybooks(document, check);
        return check.Problems;
    }

    public static IEnumerable<string> Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value);

    public static bool IsKnownPlaceholder(string placeholder, IReadOnlySet<string> roles)
    {
        if (SitePlaceholders.Contains(placeholder)) return true;
        var parts = placeholder.Split('.');
        return parts[0] == "contact" && parts.Length is 2 or 3 && roles.Contains(parts[1]) && (parts.Length == 2 || parts[2] is "phone" or "deputy");
    }

    /// <summary>
    /// One validation of one document: the problems found so far, the declared languages, the keys the document
    /// defines and the stable keys already used (measures, questions, playbooks and steps share one set).
    /// </summary>
    private sealed class DocumentCheck
    {
        private readonly HashSet<string> _stableKeys = [];

        public DocumentCheck(MethodologyDocument document)
        {
            Known = new KnownKeys(document);
            CategoryKeys = document.MeasureCategories.Select(c => c.Key).ToList();
            MeasureKeys = document.Measures.Select(m => m.Key).ToHashSet();
        }

        public List<MethodologyProblem> Problems { get; } = [];

        public KnownKeys Known { get; }

        /// <summary>The languages texts must be written in; both until <see cref="DeclareLanguages"/>.</summary>
        public (bool En, bool Cs) Languages { get; private set; } = (true, true);

        public IReadOnlyList<string> CategoryKeys { get; }

        public IReadOnlySet<string> MeasureKeys { get; }

        public void Add(string path, string en, string cs) => Problems.Add(new MethodologyProblem(path, new LocalizedText(en, cs)));

        /// <summary>A text must be written in every declared language; a language not declared may be left empty.</summary>
        public void Text(LocalizedText? text, string path)
        {
            var missingEn = Languages.En && string.IsNullOrWhiteSpace(text?.En);
            var missingCs = Languages.Cs && string.IsNullOrWhiteSpace(text?.Cs);
            if (missingEn && Languages.Cs || missingCs && Languages.En)
                Add(path, "Write the text in both English (en) and Czech (cs).", "Napište text anglicky (en) i česky (cs).");
            else if (missingEn)
                Add(path, "Write the text in English (en).", "Napište text anglicky (en).");
            else if (missingCs)
                Add(path, "Write the text in Czech (cs).", "Napište text česky (cs).");
        }

        public void Rule(Condition? rule, string path, bool insideTier = false) => new RuleCheck(Known, insideTier, Add).Rule(rule, path);

        public void Reference(IReadOnlySet<string> known, string key, string path, string en, string cs) => RuleCheck.Reference(known, key, path, en, cs, Add);

        /// <summary>A stable key (measure, question, playbook, step): upper-case words, unique across the document.</summary>
        public void StableKey(string key, string path)
        {
            if (!StableKeyPattern().IsMatch(key))
                Add(path, $"The key '{key}' must be upper-case letters and digits joined by '-', e.g. ACC-03.",
                    $"Klíč '{key}' musí být velká písmena a číslice spojené znakem '-', např. ACC-03.");
            else if (!_stableKeys.Add(key))
                Add(path, $"The key '{key}' is used twice: stable keys must be unique.", $"Klíč '{key}' je použit dvakrát: stálé klíče musí být jedinečné.");
        }

        public void Category(string? category, string path)
        {
            if (CategoryKeys.Contains(category ?? "", StringComparer.Ordinal)) return;
            var allowed = CategoryKeys.Count == 0 ? "(none: add them under measureCategories)" : string.Join(", ", CategoryKeys);
            var allowedCs = CategoryKeys.Count == 0 ? "(žádná: doplňte je do measureCategories)" : string.Join(", ", CategoryKeys);
            Add(path, $"The category '{category}' is not one of the methodology's measure categories: use one of {allowed}.",
                $"Kategorie '{category}' není mezi kategoriemi opatření metodiky: použijte jednu z {allowedCs}.");
        }

        /// <summary>Takes the declared languages when they are valid (some, known, each once); otherwise reports them and requires both.</summary>
        public void DeclareLanguages(IReadOnlyList<string>? declared)
        {
            var list = declared ?? [];
            if (list.Count == 0 || list.Any(l => !MethodologyLanguages.Supported.Contains(l)) || list.Distinct().Count() != list.Count)
            {
                Add("$.languages", $"List the languages the texts are written in, each once, from: {string.Join(", ", MethodologyLanguages.Supported)}.",
                    $"Uveďte jazyky, ve kterých jsou texty napsány, každý jednou, z: {string.Join(", ", MethodologyLanguages.Supported)}.");
                Languages = (true, true);
                return;
            }
            Languages = (list.Contains(MethodologyLanguages.English), list.Contains(MethodologyLanguages.Czech));
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CatalogKey();

    /// <summary>Region and measure category keys: a site stores its region in a column of 32 characters.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$")]
    private static partial Regex NamedKey();

    [GeneratedRegex("^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$")]
    private static partial Regex StableKeyPattern();

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex PlaceholderPattern();
}
