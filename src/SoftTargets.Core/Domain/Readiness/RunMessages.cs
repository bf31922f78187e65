using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Readiness;

/// <summary>What a person is told when a run refuses an input, in both languages; one rule set for the UI, the API and the seeders.</summary>
public static class RunMessages
{
    public const int MaxScenarioLength = 2000;
    public const int MaxNoteLength = 2000;
    public const int MaxNameLength = 200;
    public const int MaxLessonsLength = 8000;
    public const int MaxOutcomeLength = 4000;
    public const int MaxTitleLength = 300;

    public static readonly LocalizedText ScenarioTooLong = new(
        $"Describe the scenario in at most {MaxScenarioLength} characters.",
        $"Popište scénář nejvýše {MaxScenarioLength} znaky.");
    public static readonly LocalizedText PlaybookRequired = new(
        "Choose a playbook of the site's plan.",
        "Vyberte scénář reakce z plánu objektu.");
    public static readonly LocalizedText ZoneNotOnSite = new(
        "Choose one of the site's zones, or the whole site.",
        "Vyberte jednu ze zón objektu, nebo celý objekt.");
    public static readonly LocalizedText StartInFuture = new(
        "The start cannot be in the future: enter when it began.",
        "Začátek nemůže být v budoucnosti: zadejte, kdy začal.");
    public static readonly LocalizedText NoteTooLong = new(
        $"Keep the note to at most {MaxNoteLength} characters.",
        $"Poznámka může mít nejvýše {MaxNoteLength} znaků.");
    public static readonly LocalizedText SignOffNameRequired = new(
        "Enter the name of the person who signs this reopening criterion off.",
        "Zadejte jméno osoby, která toto kritérium pro znovuotevření potvrzuje.");
    public static readonly LocalizedText NameTooLong = new(
        $"Keep the name to at most {MaxNameLength} characters.",
        $"Jméno může mít nejvýše {MaxNameLength} znaků.");
    public static readonly LocalizedText LessonsTooLong = new(
        $"Keep the lessons to at most {MaxLessonsLength} characters.",
        $"Poučení může mít nejvýše {MaxLessonsLength} znaků.");
    public static readonly LocalizedText OutcomeTooLong = new(
        $"Keep the outcome to at most {MaxOutcomeLength} characters.",
        $"Výsledek může mít nejvýše {MaxOutcomeLength} znaků.");
    public static readonly LocalizedText CountNegative = new(
        "Enter a count of zero or more, or leave it empty.",
        "Zadejte počet nula nebo více, nebo pole nechte prázdné.");
    public static readonly LocalizedText UnsignedCriteria = new(
        "Every reopening criterion (phases P4 and P5) must be signed off by a named person before the site returns to routine.",
        "Před návratem do běžného provozu musí každé kritérium pro znovuotevření (fáze P4 a P5) potvrdit jmenovitě uvedená osoba.");
    public static readonly LocalizedText TitleRequired = new(
        "Say what is to be improved.",
        "Uveďte, co je třeba zlepšit.");
    public static readonly LocalizedText TitleTooLong = new(
        $"Keep the title to at most {MaxTitleLength} characters.",
        $"Název může mít nejvýše {MaxTitleLength} znaků.");
    public static readonly LocalizedText OwnerRequired = new(
        "Name the person responsible for the improvement.",
        "Uveďte osobu odpovědnou za zlepšení.");
    public static readonly LocalizedText DueDateInPast = new(
        "Choose a due date from today on.",
        "Zvolte termín ode dneška dál.");
}
