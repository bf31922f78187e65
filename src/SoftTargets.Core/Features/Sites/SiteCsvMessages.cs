using CsvHelper;
using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Features.Sites;

/// <summary>
/// What a site CSV error says, in English and Czech: what is wrong and what to do. Each text continues
/// "Line 4: " (<see cref="SiteCsvError.At"/>), so it starts in lower case.
/// </summary>
internal static class SiteCsvMessages
{
    private static readonly string AllColumns = string.Join(", ", SiteCsvFormat.Columns);
    private static readonly string RequiredColumns = string.Join(", ", SiteCsvFormat.RequiredColumns);

    public static LocalizedText Profile(LocalizedText message) => new(LowerFirst(message.En), LowerFirst(message.Cs));

    public static LocalizedText EmptyFile { get; } = new(
        "the file is empty; the first line must be the header, e.g. name;address;region;venueType;maxOccupancy.",
        "soubor je prázdný; první řádek musí být záhlaví, např. name;address;region;venueType;maxOccupancy.");

    public static LocalizedText NoSites { get; } = new(
        "the file has no sites; add one site per line below the header.",
        "soubor neobsahuje žádné objekty; pod záhlaví zapište na každý řádek jeden objekt.");

    public static LocalizedText TooManySites { get; } = new(
        "the file has more than 10,000 sites; split it into files of at most 10,000 sites and import them one after another.",
        "soubor obsahuje více než 10\u00A0000 objektů; rozdělte ho na soubory s nejvýše 10\u00A0000 objekty a importujte je postupně.");

    public static LocalizedText NoMethodology { get; } = new(
        "no methodology is published yet, so venue types and attributes cannot be checked; ask a methodology editor to publish one, then import again.",
        "zatím není publikována žádná metodika, takže nelze ověřit typy objektů a vlastnosti; požádejte editora metodiky o publikování a import opakujte.");

    public static LocalizedText NotUtf8 { get; } = new(
        "the line has characters that are not UTF-8; save the file as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8) and import it again.",
        "řádek obsahuje znaky, které nejsou v UTF-8; uložte soubor jako „CSV UTF-8“ (v Excelu: Uložit jako, CSV UTF-8) a importujte ho znovu.");

    public static LocalizedText UnknownColumn(string column) => new(
        $"the column '{column}' is not known; use only these columns: {AllColumns}.",
        $"sloupec „{column}“ neznáme; použijte jen tyto sloupce: {AllColumns}.");

    public static LocalizedText UnnamedColumn(int position) => new(
        $"column {position} of the header has no name; name it ({AllColumns}) or delete it.",
        $"sloupec č. {position} v záhlaví nemá název; pojmenujte ho ({AllColumns}), nebo ho smažte.");

    public static LocalizedText DuplicateColumn(string column) => new(
        $"the column '{column}' appears more than once in the header; keep only one.",
        $"sloupec „{column}“ je v záhlaví víckrát; ponechte jen jeden.");

    public static LocalizedText MissingColumn(string column) => new(
        $"the header has no column '{column}'; add it (the required columns are {RequiredColumns}).",
        $"v záhlaví chybí sloupec „{column}“; doplňte ho (povinné sloupce jsou {RequiredColumns}).");

    public static LocalizedText Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => new(
            "a value opened with a double quote (\") is never closed, so the rest of the file cannot be read; add the closing quote.",
            "hodnota otevřená uvozovkou (\") není uzavřena, takže zbytek souboru nelze přečíst; doplňte uzavírací uvozovku."),
        CsvMalformedReason.TextAfterClosingQuote => new(
            "there is text after the closing double quote of a value; put the whole value in double quotes and double each quote inside it (\"\").",
            "za uzavírací uvozovkou hodnoty následuje další text; dejte celou hodnotu do uvozovek a každou uvozovku uvnitř zdvojte (\"\")."),
        _ => new(
            "a double quote (\") stands inside a value that does not start with one; put the whole value in double quotes and double each quote inside it (\"\").",
            "uvnitř hodnoty, která nezačíná uvozovkou, je uvozovka (\"); dejte celou hodnotu do uvozovek a každou uvozovku uvnitř zdvojte (\"\")."),
    };

    public static LocalizedText FieldCount(int values, int columns) => new(
        $"the line has a different number of values ({values}) than the header has columns ({columns}); check for a missing or extra separator and put values that contain one in double quotes.",
        $"počet hodnot na řádku ({values}) neodpovídá počtu sloupců v záhlaví ({columns}); zkontrolujte, zda nechybí nebo nepřebývá oddělovač, a hodnoty, které ho obsahují, dejte do uvozovek.");

    public static LocalizedText MissingRegion(IEnumerable<string> known) => new(
        $"enter the region: one of the methodology's regions ({string.Join(", ", known)}), by its key or name.",
        $"zadejte kraj: jeden z krajů metodiky ({string.Join(", ", known)}), klíčem nebo názvem.");

    public static LocalizedText UnknownRegion(string text, IEnumerable<string> known) => new(
        $"the region '{text}' is not one of the methodology's regions; use one of: {string.Join(", ", known)} (or its name).",
        $"kraj „{text}“ není mezi kraji metodiky; použijte jeden z těchto: {string.Join(", ", known)} (nebo jeho název).");

    public static LocalizedText UnknownMethodology(string text, IEnumerable<string> known) => new(
        $"the methodology '{text}' is not published; leave the column empty for the default methodology or use one of: {string.Join(", ", known)}.",
        $"metodika „{text}“ není zveřejněna; nechte sloupec prázdný pro výchozí metodiku, nebo použijte jednu z těchto: {string.Join(", ", known)}.");

    public static LocalizedText UnknownVenueType(string text, IEnumerable<string> known) => new(
        $"the venue type '{text}' is not in the published methodology; use one of: {string.Join(", ", known)}.",
        $"typ objektu „{text}“ v publikované metodice není; použijte jeden z těchto: {string.Join(", ", known)}.");

    public static LocalizedText UnknownAttribute(string text, IEnumerable<string> known) => new(
        $"the attribute '{text}' is not in the published methodology; use some of: {string.Join(", ", known)} (separate several with ; or |).",
        $"vlastnost „{text}“ v publikované metodice není; použijte některé z těchto: {string.Join(", ", known)} (více jich oddělte ; nebo |).");

    public static LocalizedText MissingMaxOccupancy { get; } = new(
        "enter the maximum occupancy as a whole number, e.g. 1200.",
        "zadejte maximální obsazenost jako celé číslo, např. 1200.");

    public static LocalizedText NotWholeNumber(string column, string text) => new(
        $"the value '{text}' in the column {column} is not a whole number; write it in digits only, e.g. 1200 or 1 200.",
        $"hodnota „{text}“ ve sloupci {column} není celé číslo; zapište ji jen číslicemi, např. 1200 nebo 1 200.");

    public static LocalizedText TooLong(string column, int maxLength) => new(
        $"the value in the column {column} is longer than {maxLength} characters; shorten it.",
        $"hodnota ve sloupci {column} je delší než {maxLength} znaků; zkraťte ji.");

    public static LocalizedText DuplicateName(string name, int firstLine) => new(
        $"the name '{name}' is already used on line {firstLine}; give each site its own name.",
        $"název „{name}“ už je použit na řádku {firstLine}; každý objekt musí mít vlastní název.");

    public static LocalizedText ExistingName(string name) => new(
        $"your organisation already has a site named '{name}'; the import only adds new sites, so rename this one or remove the line.",
        $"vaše organizace už má objekt s názvem „{name}“; import jen přidává nové objekty, proto tento přejmenujte, nebo řádek odstraňte.");

    private static string LowerFirst(string text) =>
        text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
