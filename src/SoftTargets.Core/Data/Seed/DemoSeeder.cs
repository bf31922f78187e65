using SoftTargets.Core.Features.Dashboards;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Events;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Domain.Threats;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Guidelines;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.Core.Data.Seed;

/// <summary>
/// Fills an empty database with a small, realistic country: a ministry, two operators, an audit
/// body, one account per role and a published starter methodology. Does nothing when any
/// organisation exists, so it is safe to run on every start.
/// </summary>
public sealed class DemoSeeder(SoftTargetsDbContext db, UserManager<ApplicationUser> users, ComplianceSnapshots snapshots, TimeProvider clock)
{
    public const string Password = "SoftTargets-Demo-2026";

    public static readonly IReadOnlyList<(string Email, string Role)> Accounts =
    [
        ("admin@softtargets.example", Roles.Administrator),
        ("editor@softtargets.example", Roles.MethodologyEditor),
        ("auditor@softtargets.example", Roles.Auditor),
        ("manager@arenaplus.example", Roles.VenueManager),
        ("security@arenaplus.example", Roles.VenueManager),
        ("manager@zs-lipova.example", Roles.VenueManager),
        ("people@arenaplus.example", Roles.LocalAdministrator),
    ];

    public async Task<bool> SeedAsync(CancellationToken ct = default)
    {
        if (await db.Organizations.AnyAsync(ct)) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        var ministry = new Organization("Ministerstvo vnitra (demo)", OrganizationKind.Ministry, "Praha");
        var arena = new Organization("ArenaPlus Venues a.s.", OrganizationKind.Operator, "Moravskoslezsky");
        var school = new Organization("Základní škola Lipová Olomouc", OrganizationKind.Operator, "Olomoucky");
        var inspection = new Organization("Národní inspekce měkkých cílů (demo)", OrganizationKind.AuditBody, "Praha");
        db.Organizations.AddRange(ministry, arena, school, inspection);

        var version = await PublishedMethodologyAsync(ct);

        Site Site(Organization owner, string name, string address, string region, string venueType, int occupancy, int visitors, string[] attributes) =>
            new(owner.Id, version.MethodologyId, new SiteProfile(name, address, region, venueType, occupancy, visitors, "Mo–Su 8:00–22:00", attributes));

        var stadium = Site(arena, "Slezská aréna", "Závodní 2891/86, Ostrava", "Moravskoslezsky", "stadium", 15000, 4000,
            ["outdoor-queues", "alcohol-served", "high-profile-events"]);
        stadium.AddZone("Tribune North", 6000, 6, "Car park P2, north gate", "Concourse level -1");
        stadium.AddContact("security-lead", "Petra Horáková", "+420 601 111 222", "p.horakova@arenaplus.example", false);
        stadium.AddContact("security-lead", "Tomáš Beneš", "+420 601 111 333", "t.benes@arenaplus.example", true);
        stadium.AssessThreat("firearms", new RiskRating(2, 5), new RiskRating(2, 4), "High-profile matches draw large crowds.");
        stadium.AssessThreat("vehicle-as-weapon", new RiskRating(3, 4), new RiskRating(2, 3), "Fans gather on the open plaza.");
        var hall = Site(arena, "Koncertní síň Vltava", "Nábřeží 12, Praha 1", "Praha", "concert-hall", 1200, 900,
            ["glass-facades", "transport-hub-adjacent"]);
        hall.AddZone("Main hall", 1000, 3, "Square in front of the main entrance", "Rehearsal room B");
        hall.AssessThreat("ied", new RiskRating(2, 5), new RiskRating(2, 4), "Glass façade next to a tram stop.");
        var mall = Site(arena, "Obchodní centrum Brána Plzeň", "Rokycanská 1, Plzeň", "Plzensky", "shopping-centre", 6000, 12000,
            ["underground-parking", "glass-facades"]);
        var lipova = Site(school, "ZŠ Lipová – hlavní budova", "Lipová 5, Olomouc", "Olomoucky", "school", 650, 600,
            ["children-present"]);
        lipova.AddZone("Pavilion A", 400, 2, "School playground", "Gym");
        lipova.AddContact("security-lead", "Jana Dvořáková", "+420 585 000 111", "reditelka@zs-lipova.example", false);
        db.Sites.AddRange(stadium, hall, mall, lipova);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        db.SiteEvents.Add(new SiteEvent(stadium.Id, new EventInput("Letní koncert na Slezské aréně", today.AddDays(21), today.AddDays(21), 20000,
            EntryChecks.BagChecks, "Petra Horáková", "+420 601 111 222", ["children-present"])));
        var measures = new List<PlanMeasure>();
        foreach (var site in new[] { stadium, hall, lipova })
            measures.AddRange(Plan(site, version, today));
        Exercises(stadium, hall, version, today);
        await db.SaveChangesAsync(ct);

        string? auditorId = null;
        foreach (var (email, role) in Accounts)
        {
            var organization = role switch
            {
                Roles.Auditor => inspection,
                Roles.VenueManager or Roles.LocalAdministrator => email.EndsWith("arenaplus.example", StringComparison.Ordinal) ? arena : school,
                _ => ministry,
            };
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, OrganizationId = organization.Id,
                DisplayName = email switch
                {
                    "admin@softtargets.example" => "Adam Správce",
                    "editor@softtargets.example" => "Eva Metodiková",
                    "auditor@softtargets.example" => "Aleš Kontrolor",
                    "manager@zs-lipova.example" => "Jana Dvořáková",
                    "security@arenaplus.example" => "Petra Horáková",
                    "people@arenaplus.example" => "Lucie Personální",
                    _ => "Martin Provozní",
                },
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            if (role == Roles.Auditor) auditorId = user.Id;
        }

        db.Findings.Add(new Finding(hall.Id, measures.FirstOrDefault(m => m.SiteId == hall.Id && m.MeasureKey == "RES-01")?.Id, auditorId!,
            FindingSeverity.High, "Lockdown procedure not drilled", "No drill record for the lockdown procedure in the last 12 months.", today.AddDays(30)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await SnapshotHistory.DrawAsync(db, snapshots, clock, ct: ct);
        return true;
    }

    /// <summary>The published methodology, seeding the library first on an empty database.</summary>
    private async Task<MethodologyVersion> PublishedMethodologyAsync(CancellationToken ct)
    {
        var published = await db.MethodologyVersions.Where(v => v.Status == MethodologyVersionStatus.Published)
            .OrderByDescending(v => v.PublishedAt).FirstOrDefaultAsync(ct);
        if (published is not null) return published;
        var file = MethodologyLibrary.ReadSeed();
        var methodology = new Methodology(file.Methodology, file.Title);
        var version = methodology.StartDraft(file.ToDocument());
        version.Publish(MethodologyVersion.FirstPublishedNote, "system", clock.GetUtcNow().AddDays(-60));
        db.Methodologies.Add(methodology);
        return version;
    }

    /// <summary>A first plan revision generated from the methodology, as a venue manager would generate it.</summary>
    private List<PlanMeasure> Plan(Site site, MethodologyVersion version, DateOnly today)
    {
        var snapshot = SiteSnapshot.Of(site);
        var guideline = new GuidelineGenerator(version.Content, version.Id.ToString()).Generate(snapshot);
        db.SitePlans.Add(new SitePlan(site.Id, 1, version.Id, guideline.Tier ?? "", PlanDocuments.Store(guideline, GuidelineTemplate.Of(version.Content), snapshot), guideline.InputsHash));

        var measures = new List<PlanMeasure>();
        var index = 0;
        foreach (var template in guideline.Applicable)
        {
            var measure = new PlanMeasure(site.Id, template.Key, template.Priority, isApplicable: true);
            var status = (index++ % 4) switch { 0 => MeasureStatus.Implemented, 1 => MeasureStatus.InProgress, _ => MeasureStatus.NotStarted };
            measure.ChangeStatus(status, "", "system", clock.GetUtcNow());
            measure.Assign(template.Role, status == MeasureStatus.Implemented ? null : today.AddDays(index % 3 == 0 ? -10 : 20 * index),
                template.ReviewMonths, today.AddDays(index * 7));
            measures.Add(measure);
        }
        db.PlanMeasures.AddRange(measures);
        return measures;
    }

    /// <summary>
    /// What the venues have been through: a lockdown drill at the stadium about three months ago (two steps late,
    /// one missed, reviewed, two improvement items) and a suspicious package at the concert hall about two months
    /// ago, followed to the return to routine. Times count from today, so the figures look the same on any day.
    /// </summary>
    private void Exercises(Site stadium, Site hall, MethodologyVersion version, DateOnly today)
    {
        GuidelinePlaybook Playbook(Site site, string key) =>
            PlanDocuments.Read(db.SitePlans.Local.Single(p => p.SiteId == site.Id).Document, GuidelineTemplate.Of(version.Content)).Playbooks.Single(p => p.Key == key);
        static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.Zero);
        const string martin = "Martin Provozní", petra = "Petra Horáková";

        var start = At(today.AddMonths(-3), 9, 30);
        var drill = new PlaybookRun(RunKind.Drill, stadium.Id, version.Id, 1, Playbook(stadium, "PB-FIREARMS"), "Tribune North",
            "Lockdown: a man with a firearm reported at the north gate while the stands fill before a match.", start);
        foreach (var (step, by, seconds) in new (string, string, int)[]
        {
            ("PB-FIREARMS-P1-02", martin, 75), ("PB-FIREARMS-P1-04", martin, 150), ("PB-FIREARMS-P1-03", martin, 170),
            ("PB-FIREARMS-P1-05", martin, 225), ("PB-FIREARMS-P1-01", petra, 250), ("PB-FIREARMS-P2-01", petra, 500),
            ("PB-FIREARMS-P2-02", petra, 570), ("PB-FIREARMS-P2-04", petra, 2040), ("PB-FIREARMS-P3-01", martin, 2460),
            ("PB-FIREARMS-P3-02", martin, 2820), ("PB-FIREARMS-P3-03", petra, 3120),
        })
            drill.Tick(step, by, start.AddSeconds(seconds));
        drill.Note("PB-FIREARMS-P1-01", "The north gate closed after 4 minutes: its key was in the control room, not at the gate.");
        drill.Note("PB-FIREARMS-P2-03", "No communications lead on duty for the drill; nobody answered the mock press call.");
        drill.Note("PB-FIREARMS-P2-04", "The police role-player held the release of the hiding areas until the sweep of the concourse was done.");
        drill.Finish(start.AddMinutes(55));
        drill.Review("The lockdown itself worked, but the north gate closed late because its key was kept in the control room. "
            + "Nobody spoke for the venue to the press: match days need a named communications lead and a deputy. "
            + "Stewards did not recognise the lockdown tone and asked over the radio; the lockdown needs its own signal.", 120);
        db.PlaybookRuns.Add(drill);
        db.ImprovementItems.AddRange(
            new ImprovementItem(stadium.Id, drill.Id, "Keep a key to the north gate at the gate itself on match days", petra,
                today.AddDays(14), null, "PB-FIREARMS-P1-01", today),
            new ImprovementItem(stadium.Id, drill.Id, "Give the lockdown its own PA signal, distinct from the evacuation tone", martin,
                today.AddDays(45), "RES-03", null, today));

        var found = At(today.AddMonths(-2), 18, 40);
        var incident = new PlaybookRun(RunKind.Incident, hall.Id, version.Id, 1, Playbook(hall, "PB-IED"), "Main hall",
            "Suspicious package: an unattended suitcase by the cloakroom half an hour before the evening concert.", found);
        foreach (var (step, by, seconds) in new (string, string, int)[]
        {
            ("PB-IED-P1-01", martin, 90), ("PB-IED-P1-04", petra, 200), ("PB-IED-P1-02", martin, 260), ("PB-IED-P1-05", martin, 280),
            ("PB-IED-P1-03", martin, 290), ("PB-IED-P2-01", petra, 540), ("PB-IED-P2-02", petra, 600), ("PB-IED-P2-03", petra, 780),
            ("PB-IED-P3-01", martin, 2100), ("PB-IED-P3-02", martin, 2700), ("PB-IED-P3-03", petra, 3600),
        })
            incident.Tick(step, by, found.AddSeconds(seconds));
        incident.Note("PB-IED-P2-03", "The bomb disposal team found an instrument case a musician had left behind; the police released the hall at 21:10.");
        var nextDay = DateOnly.FromDateTime(found.UtcDateTime).AddDays(1);
        foreach (var (step, signedOffBy, at) in new (string, string, DateTimeOffset)[]
        {
            ("PB-IED-P4-01", "Ing. Karel Svoboda, facility manager", At(nextDay, 8, 15)),
            ("PB-IED-P4-02", "Lucie Marková, communications lead", At(nextDay, 9, 0)),
            ("PB-IED-P5-01", petra, At(nextDay, 10, 30)),
            ("PB-IED-P5-02", petra, At(nextDay, 10, 45)),
        })
            incident.Tick(step, martin, at, signedOffBy);
        incident.RecordOutcome("False alarm: the suitcase was a forgotten instrument case. The hall was evacuated in under five minutes, "
            + "the concert was moved to the following week and the hall reopened the next morning.", 0, 0);
        incident.Review("Evacuation and the cordon worked. The cloakroom staff noticed the case only after 20 minutes: unattended items "
            + "near the cloakroom need a check every quarter of an hour before a concert.", 950);
        incident.Finish(At(nextDay, 11, 0));
        db.PlaybookRuns.Add(incident);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Seeding a demo user failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
