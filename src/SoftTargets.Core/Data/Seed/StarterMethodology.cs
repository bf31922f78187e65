using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;

namespace SoftTargets.Core.Data.Seed;

/// <summary>
/// A small first methodology for demo data: the catalogues every site needs, the tier rules and a
/// handful of measures, questions and one playbook.
/// </summary>
internal static class StarterMethodology
{
    public const string Code = "cz-soft-targets";

    public static LocalizedText Name { get; } = T("Protection of soft targets", "Ochrana měkkých cílů");

    public static MethodologyDocument Document { get; } = new()
    {
        Title = Name,
        Roles =
        [
            new("security-lead", T("Security lead", "Vedoucí bezpečnosti")),
            new("duty-manager", T("Duty manager", "Vedoucí směny")),
            new("facility-manager", T("Facility manager", "Správce objektu")),
            new("communications-lead", T("Communications lead", "Vedoucí komunikace")),
            new("first-aid-lead", T("First-aid lead", "Vedoucí první pomoci")),
        ],
        VenueTypes =
        [
            new("stadium", T("Stadium", "Stadion")),
            new("sports-hall", T("Sports hall", "Sportovní hala")),
            new("concert-hall", T("Concert hall", "Koncertní sál")),
            new("theatre-cinema", T("Theatre or cinema", "Divadlo nebo kino")),
            new("shopping-centre", T("Shopping centre", "Obchodní centrum")),
            new("school", T("School", "Škola")),
            new("place-of-worship", T("Place of worship", "Místo bohoslužby")),
            new("restaurant-bar", T("Restaurant or bar", "Restaurace nebo bar")),
            new("hotel", T("Hotel", "Hotel")),
            new("transport-hub", T("Transport hub", "Dopravní uzel")),
            new("open-air-event", T("Market or open-air event", "Trh nebo akce pod širým nebem")),
        ],
        ThreatTypes =
        [
            new("firearms", T("Firearms attack", "Útok střelnou zbraní")),
            new("bladed-weapon", T("Attack with a bladed weapon", "Útok chladnou zbraní")),
            new("vehicle-as-weapon", T("Vehicle as a weapon", "Vozidlo jako zbraň")),
            new("ied", T("Improvised explosive device", "Improvizované výbušné zařízení")),
            new("person-borne-ied", T("Person-borne explosive device", "Výbušné zařízení nesené osobou")),
            new("drone-borne-ied", T("Drone-borne explosive device", "Výbušné zařízení nesené dronem")),
            new("cbrn", T("Chemical, biological or radiological agent", "Chemická, biologická nebo radiologická látka")),
            new("arson", T("Arson", "Žhářský útok")),
            new("hostage-taking", T("Hostage taking", "Braní rukojmí")),
            new("hoax-suspicious-item", T("Hoax, bomb threat or suspicious item", "Planý poplach, výhrůžka bombou nebo podezřelý předmět")),
        ],
        Attributes =
        [
            new("outdoor-queues", T("Queues form outside", "Fronty se tvoří venku")),
            new("underground-parking", T("Underground parking", "Podzemní parkoviště")),
            new("children-present", T("Children present", "Přítomnost dětí")),
            new("religious-symbolic", T("Religious or symbolic significance", "Náboženský nebo symbolický význam")),
            new("alcohol-served", T("Alcohol served", "Podává se alkohol")),
            new("transport-hub-adjacent", T("Next to a transport hub", "V sousedství dopravního uzlu")),
            new("glass-facades", T("Large glass façades", "Velké skleněné fasády")),
            new("high-profile-events", T("Regular high-profile events", "Pravidelné významné akce")),
        ],
        Tiers =
        [
            new("enhanced", T("Enhanced", "Rozšířená"), new Condition
            {
                All =
                [
                    new Condition { Occupancy = new NumberComparison { Gte = 800 } },
                    new Condition { Not = new Condition { VenueTypeIn = ["place-of-worship", "school"] } },
                ],
            }),
            new("standard", T("Standard", "Standardní"), new Condition { Occupancy = new NumberComparison { Gte = 200 } }),
        ],
        Measures =
        [
            Measure("GOV-01", MeasureCategory.Governance, MeasurePriority.Essential, "security-lead",
                T("Name a security lead and a deputy", "Určit vedoucího bezpečnosti a jeho zástupce"),
                T("A signed appointment of both people.", "Podepsané jmenování obou osob.")),
            Measure("GOV-02", MeasureCategory.Governance, MeasurePriority.Enhanced, "security-lead",
                T("Keep a documented security plan", "Vést zdokumentovaný bezpečnostní plán"),
                T("The approved plan with its risk assessment.", "Schválený plán s hodnocením rizik."),
                new Condition { TierIn = ["enhanced"] }),
            Measure("ACC-01", MeasureCategory.AccessControl, MeasurePriority.Essential, "facility-manager",
                T("Be able to lock every entrance quickly", "Umět rychle uzamknout všechny vstupy"),
                T("A list of entrances with the way each is locked and a test record.", "Seznam vstupů se způsobem uzamčení a záznam o zkoušce.")),
            Measure("ACC-03", MeasureCategory.AccessControl, MeasurePriority.Recommended, "security-lead",
                T("Protect outdoor queues", "Chránit fronty před vstupem"),
                T("The queue layout with barriers and staff positions.", "Plán front se zábranami a stanovišti pracovníků."),
                new Condition { Any = [new Condition { Attribute = "outdoor-queues" }, new Condition { TierIn = ["enhanced"] }] }),
            Measure("DET-01", MeasureCategory.Detection, MeasurePriority.Recommended, "security-lead",
                T("Watch the premises and their surroundings", "Sledovat objekt a jeho okolí"),
                T("Camera coverage plan and the monitoring roster.", "Plán pokrytí kamerami a rozpis dohledu."),
                new Condition { TierIn = ["enhanced", "standard"] }),
            Measure("RES-01", MeasureCategory.Response, MeasurePriority.Essential, "duty-manager",
                T("Keep evacuation, invacuation and lockdown procedures", "Mít postupy evakuace, ukrytí a uzamčení"),
                T("The procedures and the last drill's record.", "Postupy a záznam z posledního cvičení.")),
            Measure("RES-02", MeasureCategory.Response, MeasurePriority.Essential, "first-aid-lead",
                T("Keep bleeding-control kits at hand", "Mít po ruce soupravy k zástavě krvácení"),
                T("Kit locations and the last check.", "Umístění souprav a poslední kontrola.")),
            Measure("TRN-01", MeasureCategory.Training, MeasurePriority.Essential, "security-lead",
                T("Train staff in Run, Hide, Tell", "Proškolit personál v zásadách Utíkej, schovej se, oznam"),
                T("Attendance list of the last training.", "Prezenční listina posledního školení.")),
            Measure("COM-01", MeasureCategory.Communication, MeasurePriority.Essential, "communications-lead",
                T("Prepare public-address messages", "Připravit hlášení pro veřejný rozhlas"),
                T("The approved message texts.", "Schválené texty hlášení.")),
        ],
        Questions =
        [
            Question("Q-GOV-01", MeasureCategory.Governance, T("Who is responsible for security at the site?", "Kdo odpovídá za bezpečnost v objektu?"), "GOV-01"),
            Question("Q-ACC-01", MeasureCategory.AccessControl, T("How quickly can all entrances be closed?", "Jak rychle lze uzavřít všechny vstupy?"), "ACC-01"),
        ],
        Playbooks =
        [
            new PlaybookTemplate
            {
                Key = "PB-FIREARMS",
                Threat = "firearms",
                Steps =
                [
                    Step("PB-FIREARMS-P0-01", IncidentPhase.P0, Procedure.Other, "security-lead", null,
                        T("Agree with the police how {site.name} will be handed over in an attack.", "Dohodnout s policií, jak bude objekt {site.name} při útoku předán.")),
                    Step("PB-FIREARMS-P1-01", IncidentPhase.P1, Procedure.Lockdown, "security-lead", 2,
                        T("Lock down: close the entrances and move people away from them.", "Uzamčení: zavřít vstupy a odvést lidi od nich.")),
                    Step("PB-FIREARMS-P1-02", IncidentPhase.P1, Procedure.Communication, "duty-manager", 2,
                        T("Call 112 and broadcast the Run, Hide, Tell message.", "Volat 112 a odvysílat hlášení Utíkej, schovej se, oznam.")),
                    Step("PB-FIREARMS-P1-03", IncidentPhase.P1, Procedure.Invacuation, "duty-manager", 3,
                        T("Move people who cannot leave into {zone.invacuationRoom}.", "Přesunout osoby, které nemohou odejít, do {zone.invacuationRoom}.")),
                    Step("PB-FIREARMS-P2-01", IncidentPhase.P2, Procedure.Evacuation, "security-lead", 15,
                        T("When the police say so, evacuate to {zone.assemblyPoint}.", "Na pokyn policie evakuovat na {zone.assemblyPoint}.")),
                    Step("PB-FIREARMS-P3-01", IncidentPhase.P3, Procedure.Communication, "communications-lead", null,
                        T("Open the family reunification point and publish agreed statements only.", "Otevřít místo pro setkání s blízkými a zveřejňovat jen schválená prohlášení.")),
                    Step("PB-FIREARMS-P5-01", IncidentPhase.P5, Procedure.Other, "security-lead", null,
                        T("Hold the after-action review and update the plan.", "Provést vyhodnocení události a aktualizovat plán.")),
                ],
            },
        ],
    };

    private static LocalizedText T(string en, string cs) => new(en, cs);

    private static MeasureTemplate Measure(string key, MeasureCategory category, MeasurePriority priority, string role,
        LocalizedText title, LocalizedText evidence, Condition? appliesWhen = null) => new()
    {
        Key = key, Category = category, Priority = priority, Role = role, ReviewMonths = 12,
        Title = title, Evidence = evidence, AppliesWhen = appliesWhen,
    };

    private static AssessmentQuestion Question(string key, MeasureCategory category, LocalizedText text, string calls) => new()
    {
        Key = key,
        Category = category,
        Text = text,
        Levels =
        [
            new(1, T("Nobody is named", "Nikdo není určen"), [calls]),
            new(2, T("Informally known", "Neformálně známo"), [calls]),
            new(3, T("Named, untested", "Určeno, nevyzkoušeno"), [calls]),
            new(4, T("Named and drilled", "Určeno a procvičeno"), []),
            new(5, T("Named, drilled and reviewed yearly", "Určeno, procvičeno a každoročně přezkoumáno"), []),
        ],
    };

    private static PlaybookStep Step(string key, IncidentPhase phase, Procedure procedure, string role, int? minutes, LocalizedText text) => new()
    {
        Key = key, Phase = phase, Procedure = procedure, Role = role, TargetMinutes = minutes, Text = text,
    };
}
