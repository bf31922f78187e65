using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Compliance;

/// <summary>What a finding validation problem says, in English and Czech: what is wrong and what to do.</summary>
public static class FindingMessages
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 8000;

    public static LocalizedText TitleRequired { get; } = new("Give the finding a short title.", "Zadejte krátký název zjištění.");
    public static LocalizedText TitleTooLong { get; } = new("The title can have at most 300 characters.", "Název může mít nejvýše 300 znaků.");
    public static LocalizedText TextTooLong { get; } = new(
        "The description can have at most 8,000 characters.", "Popis může mít nejvýše 8\u00A0000 znaků.");
    public static LocalizedText SeverityRequired { get; } = new("Choose a severity.", "Vyberte závažnost.");
    public static LocalizedText DueDateInPast { get; } = new(
        "The due date cannot be in the past: choose today or a later day.", "Termín nemůže být v minulosti: zvolte dnešek nebo pozdější den.");
    public static LocalizedText MeasureNotOnSite { get; } = new(
        "This measure does not belong to the site: reload the plan and choose a measure from it.",
        "Toto opatření k objektu nepatří: načtěte plán znovu a vyberte opatření z něj.");
    public static LocalizedText AnswerRequired { get; } = new(
        "Write what was done about the finding.", "Napište, co se se zjištěním udělalo.");
    public static LocalizedText AnswerTooLong { get; } = new(
        "The answer can have at most 8,000 characters.", "Odpověď může mít nejvýše 8\u00A0000 znaků.");
    public static LocalizedText ReopenNoteRequired { get; } = new(
        "Say why the answer is not enough, so the venue manager knows what is still missing.",
        "Uveďte, proč odpověď nestačí, aby správce objektu věděl, co ještě chybí.");
    public static LocalizedText CloseReasonRequired { get; } = new(
        "The finding has no answer yet: say why you close it anyway, e.g. checked on a follow-up visit.",
        "Zjištění zatím nemá odpověď: uveďte, proč ho přesto uzavíráte, např. ověřeno při kontrolní návštěvě.");
    public static LocalizedText NoteTooLong { get; } = new(
        "The note does not fit: the finding's description can have at most 8,000 characters. Shorten the note.",
        "Poznámka se nevejde: popis zjištění může mít nejvýše 8\u00A0000 znaků. Zkraťte poznámku.");

    /// <summary>Every message, so a UI can show the one a service refused with in the user's language.</summary>
    public static IReadOnlyList<LocalizedText> All { get; } =
    [
        TitleRequired, TitleTooLong, TextTooLong, SeverityRequired, DueDateInPast, MeasureNotOnSite,
        AnswerRequired, AnswerTooLong, ReopenNoteRequired, CloseReasonRequired, NoteTooLong,
    ];
}
