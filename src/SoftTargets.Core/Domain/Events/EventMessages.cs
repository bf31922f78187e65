using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Events;

/// <summary>What an event validation problem says, in English and Czech: what is wrong and what to do.</summary>
public static class EventMessages
{
    public const int MaxNameLength = 200;
    public const int MaxAttendance = 1_000_000;

    public static LocalizedText NameRequired { get; } = new("Enter the event's name.", "Zadejte název akce.");
    public static LocalizedText NameTooLong { get; } = new(
        $"The name can have at most {MaxNameLength} characters.", $"Název může mít nejvýše {MaxNameLength} znaků.");
    public static LocalizedText StartRequired { get; } = new("Enter the day the event starts.", "Zadejte den začátku akce.");
    public static LocalizedText EndBeforeStart { get; } = new(
        "The event cannot end before it starts: enter an end day on or after the start day.",
        "Akce nemůže skončit dřív, než začne: zadejte den konce stejný nebo pozdější než den začátku.");
    public static LocalizedText AttendanceRange { get; } = new(
        "Enter the expected attendance at one time as a number from 1 to 1,000,000.",
        "Zadejte očekávaný počet lidí najednou jako číslo od 1 do 1\u00A0000\u00A0000.");
    public static LocalizedText EntryChecksRequired { get; } = new(
        "Choose how visitors are checked at the entrances.", "Vyberte, jak se návštěvníci kontrolují u vstupů.");
    public static LocalizedText ResponsibleNameRequired { get; } = new(
        "Enter the name of the person responsible for the event.", "Zadejte jméno osoby odpovědné za akci.");
    public static LocalizedText ResponsibleNameTooLong { get; } = new(
        "The name can have at most 200 characters.", "Jméno může mít nejvýše 200 znaků.");
    public static LocalizedText ResponsiblePhone { get; } = new(
        "Enter the responsible person's phone with digits only, spaces and an optional leading +, e.g. +420 601 123 456.",
        "Zadejte telefon odpovědné osoby jen číslicemi, mezerami a případně úvodním +, např. +420 601 123 456.");
    public static LocalizedText AttributesInvalid { get; } = new(
        "Send the attributes as a list of at most 100 keys of the methodology (an empty list when none apply).",
        "Pošlete vlastnosti jako seznam nejvýše 100 klíčů metodiky (prázdný, když žádná neplatí).");
    public static LocalizedText ControlCharacters { get; } = new(
        "Remove the control characters (such as NUL) from this text.", "Odstraňte z textu řídicí znaky (například NUL).");

    public static LocalizedText AttributeUnknown(string key) => new(
        $"'{Shorten(key)}' is not an attribute of the site's methodology: choose only its attributes.",
        $"'{Shorten(key)}' není vlastnost metodiky objektu: vyberte jen její vlastnosti.");

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 50 ? text : text[..50] + "…";
}
