using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Methodology;
using static SoftTargets.UnitTests.Features.Methodology.Rules.RuleSyntax;

namespace SoftTargets.UnitTests.Features.Guidelines;

/// <summary>The seeded library for realistic cases, a small methodology for exact texts, and short ways to write sites.</summary>
internal static class GuidelineTestData
{
    public static MethodologyDocument Seeded { get; } = MethodologyLibrary.ReadSeed().ToDocument();

    public static GuidelineGenerator SeededGenerator { get; } = new(Seeded, "seed-v1");

    public static MethodologyDocument Small { get; } = new()
    {
        Title = new("Small", "Malá"),
        Roles =
        [
            new("security-lead", new("Security lead", "Vedoucí bezpečnosti")),
            new("communications-lead", new("Communications lead", "Vedoucí komunikace")),
        ],
        VenueTypes =
        [
            new("stadium", new("Stadium", "Stadion")),
            new("school", new("School", "Škola")),
            new("place-of-worship", new("Place of worship", "Místo bohoslužby")),
        ],
        Regions = [new("Praha", new("Prague", "Hlavní město Praha")), new("Moravskoslezsky", new("Moravian-Silesian", "Moravskoslezský kraj"))],
        MeasureCategories =
        [
            new("Governance", new("Governance", "Řízení")), new("Detection", new("Detection", "Detekce")),
            new("AccessControl", new("Access control and delay", "Kontrola vstupu a zdržení")), new("Response", new("Response", "Reakce")),
        ],
        ThreatTypes =
        [
            new("firearms", new("Firearms attack", "Útok střelnou zbraní")),
            new("arson", new("Arson", "Žhářský útok")),
            new("cbrn", new("Chemical agent", "Chemická látka")),
        ],
        Attributes = [new("outdoor-queues", new("Queues form outside", "Fronty se tvoří venku"))],
        Tiers =
        [
            new("enhanced", new("Enhanced", "Rozšířená"), All(Occupancy(gte: 800), Not(VenueTypeIn("place-of-worship", "school")))),
            new("standard", new("Standard", "Standardní"), Occupancy(gte: 200)),
        ],
        Measures =
        [
            Measure("GOV-01", null),
            Measure("GOV-02", TierIn("enhanced")),
            Measure("ACC-01", Attribute("outdoor-queues")),
            Measure("RES-01", Threat("firearms", riskAtLeast: 12)),
        ],
        Questions =
        [
            new AssessmentQuestion
            {
                Key = "Q-GOV-01",
                Text = new("Who leads security?", "Kdo vede bezpečnost?"),
                Levels =
                [
                    new(1, new("Nobody", "Nikdo"), ["GOV-02", "GOV-01", "GOV-01"]),
                    new(2, new("Informally", "Neformálně"), ["GOV-01"]),
                    new(3, new("Appointed", "Jmenován"), []),
                    new(4, new("With a deputy", "Se zástupcem"), []),
                    new(5, new("Reviewed", "Hodnocen"), []),
                ],
            },
            new AssessmentQuestion
            {
                Key = "Q-ACC-01",
                Text = new("Are queues protected?", "Jsou fronty chráněny?"),
                Levels =
                [
                    new(1, new("No", "Ne"), ["RES-01", "ACC-01"]),
                    new(2, new("Partly", "Částečně"), ["ACC-01"]),
                    new(3, new("Mostly", "Většinou"), []),
                    new(4, new("Yes", "Ano"), []),
                    new(5, new("Fully", "Zcela"), []),
                ],
            },
        ],
        Playbooks =
        [
            new PlaybookTemplate
            {
                Key = "PB-FIREARMS",
                Threat = "firearms",
                Steps =
                [
                    Step("PB-FIREARMS-P0-01", IncidentPhase.P0, Procedure.Other, "security-lead",
                        "When {contact.security-lead} is absent, {contact.security-lead.deputy} takes over; call {contact.security-lead.phone}.",
                        "V nepřítomnosti {contact.security-lead} zastupuje {contact.security-lead.deputy}; volejte {contact.security-lead.phone}."),
                    Step("PB-FIREARMS-P1-01", IncidentPhase.P1, Procedure.Lockdown, "security-lead",
                        "Close {zone.entrances} of {site.name}.", "Zavřete vstupy {zone.entrances} objektu {site.name}.", minutes: 2),
                    Step("PB-FIREARMS-P1-02", IncidentPhase.P1, Procedure.Invacuation, "security-lead",
                        "Move people into {zone.invacuationRoom}.", "Přesuňte lidi do místnosti {zone.invacuationRoom}.", minutes: 3),
                    Step("PB-FIREARMS-P1-03", IncidentPhase.P1, Procedure.Evacuation, "security-lead",
                        "Lead people out of {zone.name} to {zone.assemblyPoint}.", "Vyveďte lidi ze zóny {zone.name} na shromaždiště {zone.assemblyPoint}."),
                    Step("PB-FIREARMS-P3-01", IncidentPhase.P3, Procedure.Communication, "communications-lead",
                        "Account for up to {site.maxOccupancy} people at {site.address}; {contact.communications-lead} speaks to the media.",
                        "Zjistěte, kdo z až {site.maxOccupancy} osob na adrese {site.address} chybí; s médii mluví {contact.communications-lead}."),
                ],
            },
            new PlaybookTemplate
            {
                Key = "PB-ARSON",
                Threat = "arson",
                Steps =
                [
                    Step("PB-ARSON-P1-01", IncidentPhase.P1, Procedure.Evacuation, "security-lead",
                        "Evacuate {site.name} to {zone.assemblyPoint}.", "Evakuujte {site.name} na shromaždiště {zone.assemblyPoint}."),
                    Step("PB-ARSON-P1-02", IncidentPhase.P1, Procedure.Communication, "communications-lead",
                        "Call 150.", "Volejte 150."),
                ],
            },
        ],
    };

    public static GuidelineGenerator SmallGenerator { get; } = new(Small, "small-v1");

    /// <summary>A site with everything the small methodology's placeholders need.</summary>
    public static SiteSnapshot FullSite { get; } = new()
    {
        Name = "Riverside Arena",
        Address = "Nábřeží 1, Praha",
        Region = "Praha",
        VenueTypeKey = "stadium",
        MaxOccupancy = 1200,
        DailyVisitors = 3000,
        Attributes = ["outdoor-queues"],
        Zones = [new ZoneSnapshot("Main hall", 1000, 3, "Car park P1", "Room 12")],
        Contacts =
        [
            new ContactSnapshot("security-lead", "Jana Nováková", "+420 601 000 001", "jana@example.cz", false),
            new ContactSnapshot("security-lead", "Petr Svoboda", "+420 601 000 002", "petr@example.cz", true),
            new ContactSnapshot("communications-lead", "Eva Malá", "+420 601 000 003", "eva@example.cz", false),
            new ContactSnapshot("communications-lead", "Karel Velký", "+420 601 000 004", "karel@example.cz", true),
        ],
        Threats = [new ThreatSnapshot("firearms", 3, 5, 2, 4)],
        Answers = new Dictionary<string, int> { ["Q-GOV-01"] = 1, ["Q-ACC-01"] = 4 },
    };

    public static SiteSnapshot Site(string venueType = "stadium", int occupancy = 500, params string[] threats) => new()
    {
        Name = "Test site",
        VenueTypeKey = venueType,
        MaxOccupancy = occupancy,
        Threats = threats.Select(t => new ThreatSnapshot(t, 3, 4, 2, 3)).ToList(),
    };

    private static MeasureTemplate Measure(string key, Condition? appliesWhen) => new()
    {
        Key = key,
        Category = "Governance",
        Priority = MeasurePriority.Essential,
        Role = "security-lead",
        ReviewMonths = 12,
        Title = new($"Title {key}", $"Název {key}"),
        AppliesWhen = appliesWhen,
    };

    private static PlaybookStep Step(string key, IncidentPhase phase, Procedure procedure, string role, string en, string cs, int? minutes = null) => new()
    {
        Key = key,
        Phase = phase,
        Procedure = procedure,
        Role = role,
        TargetMinutes = minutes,
        Text = new(en, cs),
    };
}
