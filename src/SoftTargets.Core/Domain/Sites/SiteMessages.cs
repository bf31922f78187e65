using SoftTargets.Core.Domain.Common;

namespace SoftTargets.Core.Domain.Sites;

/// <summary>What a site validation problem says, in English and Czech: what is wrong and what to do.</summary>
public static class SiteMessages
{
    public static LocalizedText NameRequired { get; } = new("Enter the site's name.", "Zadejte název objektu.");
    public static LocalizedText NameTooLong { get; } = new("The name can have at most 200 characters.", "Název může mít nejvýše 200 znaků.");
    public static LocalizedText AddressRequired { get; } = new("Enter the site's address.", "Zadejte adresu objektu.");
    public static LocalizedText AddressTooLong { get; } = new("The address can have at most 500 characters.", "Adresa může mít nejvýše 500 znaků.");
    public static LocalizedText RegionRequired { get; } = new("Choose the site's region.", "Vyberte kraj objektu.");
    public static LocalizedText RegionUnknown(string key, IEnumerable<string> keys) => new(
        $"'{Shorten(key)}' is not a region of the site's methodology: use one of {string.Join(", ", keys)}.",
        $"'{Shorten(key)}' není kraj metodiky objektu: použijte jeden z {string.Join(", ", keys)}.");
    public static LocalizedText VenueTypeRequired { get; } = new("Choose a venue type.", "Vyberte typ objektu.");
    public static LocalizedText MaxOccupancyRange { get; } = new(
        "Enter the maximum occupancy as a number from 0 to 1,000,000.",
        "Zadejte maximální obsazenost jako číslo od 0 do 1\u00A0000\u00A0000.");
    public static LocalizedText DailyVisitorsRange { get; } = new(
        "Enter typical daily visitors as a number from 0 to 10,000,000.",
        "Zadejte běžnou denní návštěvnost jako číslo od 0 do 10\u00A0000\u00A0000.");
    public static LocalizedText OpeningHoursTooLong { get; } = new(
        "Opening hours can have at most 500 characters.", "Otevírací doba může mít nejvýše 500 znaků.");

    public static LocalizedText MethodologyUnknown(string code, IEnumerable<string> codes) => new(
        $"'{Shorten(code)}' is not a published methodology: use one of {string.Join(", ", codes)}.",
        $"'{Shorten(code)}' není zveřejněná metodika: použijte jednu z {string.Join(", ", codes)}.");
    public static LocalizedText NoMethodology { get; } = new(
        "No methodology is published yet: ask the ministry's methodology editors to publish one.",
        "Zatím není zveřejněna žádná metodika: požádejte editory metodiky ministerstva o její zveřejnění.");

    public static LocalizedText NameTaken { get; } = new(
        "Another site of your organisation has this name: give each site its own name.",
        "Jiný objekt vaší organizace má stejný název: pojmenujte každý objekt jinak.");
    public static LocalizedText VenueTypeUnknown(string key) => new(
        $"'{Shorten(key)}' is not a venue type of the published methodology: choose one of its venue types.",
        $"'{Shorten(key)}' není typ objektu zveřejněné metodiky: vyberte jeden z jejích typů.");
    public static LocalizedText AttributeUnknown(string key) => new(
        $"'{Shorten(key)}' is not an attribute of the published methodology: choose only its attributes.",
        $"'{Shorten(key)}' není vlastnost zveřejněné metodiky: vyberte jen její vlastnosti.");
    public static LocalizedText AttributesInvalid { get; } = new(
        $"Send the attributes as a list of at most {SiteProfile.MaxAttributes} keys of the methodology (an empty list when none apply).",
        $"Pošlete vlastnosti jako seznam nejvýše {SiteProfile.MaxAttributes} klíčů metodiky (prázdný, když žádná neplatí).");
    public static LocalizedText ControlCharacters { get; } = new(
        "Remove the control characters (such as NUL) from this text.", "Odstraňte z textu řídicí znaky (například NUL).");

    /// <summary>A value quoted back to the user, cut so that a huge one does not fill the answer.</summary>
    private static string Shorten(string? text) => text is null ? "" : text.Length <= 50 ? text : text[..50] + "…";

    public static LocalizedText ZoneNameRequired { get; } = new("Enter the zone's name.", "Zadejte název zóny.");
    public static LocalizedText ZoneNameDuplicate { get; } = new(
        "Another zone has the same name: give each zone its own name.", "Jiná zóna má stejný název: pojmenujte každou zónu jinak.");
    public static LocalizedText ZoneCapacityRange { get; } = new(
        "Enter the zone's capacity as a number from 0 to 1,000,000.", "Zadejte kapacitu zóny jako číslo od 0 do 1\u00A0000\u00A0000.");
    public static LocalizedText ZoneEntrancesRange { get; } = new(
        "Enter the number of entrances from 0 to 1,000.", "Zadejte počet vstupů od 0 do 1\u00A0000.");
    public static LocalizedText ZoneTextTooLong { get; } = new(
        "Assembly point and invacuation room can have at most 500 characters each.",
        "Shromaždiště a úkrytová místnost mohou mít nejvýše 500 znaků.");

    public static LocalizedText ContactRoleRequired { get; } = new("Choose the contact's role.", "Vyberte roli kontaktu.");
    public static LocalizedText ContactNameRequired { get; } = new("Enter the contact's name.", "Zadejte jméno kontaktu.");
    public static LocalizedText ContactReachable { get; } = new(
        "Enter a phone number or an e-mail address so the contact can be reached.",
        "Zadejte telefon nebo e-mail, aby byl kontakt dosažitelný.");
    public static LocalizedText ContactPhone { get; } = new(
        "Enter the phone number with digits only, spaces and an optional leading +, e.g. +420 601 123 456.",
        "Zadejte telefon jen číslicemi, mezerami a případně úvodním +, např. +420 601 123 456.");
    public static LocalizedText ContactEmail { get; } = new(
        "Enter the e-mail address as name@domain, e.g. jana.novakova@example.cz.",
        "Zadejte e-mail ve tvaru jmeno@domena, např. jana.novakova@example.cz.");
    public static LocalizedText ContactTooLong { get; } = new(
        "Name can have at most 200 characters, phone 50 and e-mail 256.",
        "Jméno může mít nejvýše 200 znaků, telefon 50 a e-mail 256.");
    public static LocalizedText DeputyWithoutMain { get; } = new(
        "A deputy needs a main contact with the same role: add the main contact first.",
        "Zástupce potřebuje hlavní kontakt se stejnou rolí: nejprve přidejte hlavní kontakt.");
}
