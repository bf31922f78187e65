using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Features.Assessment;

/// <summary>What a threat assessment or self-assessment problem says, in English and Czech: what is wrong and what to do.</summary>
public static class AssessmentMessages
{
    public const int MaxRationaleLength = 4000;

    public static LocalizedText UnknownThreat { get; } = new(
        "The methodology your site follows has no such threat type: choose one from the list.",
        "Metodika, podle které se objekt řídí, takový typ hrozby nemá: vyberte hrozbu ze seznamu.");
    public static LocalizedText RatingRange { get; } = new(
        "Rate likelihood and impact from 1 to 5.", "Ohodnoťte pravděpodobnost a dopad od 1 do 5.");
    public static LocalizedText RationaleRequired { get; } = new(
        "Say why you rate the threat like this, e.g. what happened nearby or which measures are in place.",
        "Uveďte, proč hrozbu hodnotíte takto, např. co se stalo v okolí nebo jaká opatření jsou zavedena.");
    public static LocalizedText RationaleTooLong { get; } = new(
        "The rationale can have at most 4,000 characters.", "Zdůvodnění může mít nejvýše 4\u00A0000 znaků.");
    public static LocalizedText ResidualAboveInherent { get; } = new(
        "The residual risk cannot be higher than the inherent risk: measures do not raise a risk. Lower the residual likelihood or impact.",
        "Zbytkové riziko nemůže být vyšší než výchozí: opatření riziko nezvyšují. Snižte zbytkovou pravděpodobnost nebo dopad.");

    public static LocalizedText UnknownQuestion(IEnumerable<string> keys)
    {
        var list = string.Join(", ", keys);
        return new($"The methodology your site follows has no question {list}: reload the page and answer again.",
            $"Metodika, podle které se objekt řídí, nemá otázku {list}: načtěte stránku znovu a odpovězte znovu.");
    }

    public static LocalizedText LevelRange { get; } = new(
        "Choose a level from 1 (very low protection) to 5 (very high protection).",
        "Vyberte úroveň od 1 (velmi nízká ochrana) do 5 (velmi vysoká ochrana).");

    /// <summary>The English texts, as <see cref="ValidationFailedException"/> carries them.</summary>
    internal static Dictionary<string, string[]> English(Dictionary<string, LocalizedText> problems) =>
        problems.ToDictionary(p => p.Key, p => new[] { p.Value.En });
}
