using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Readiness;

/// <summary>
/// Three sites in the Liberec region, where the demo data has none, with drills whose every step time is known:
/// the museum ran two finished drills in the last 12 months (between them a step of all four procedures was done),
/// an unfinished drill and a finished incident; the school one finished drill with evacuation only, plus a drill
/// 13 months ago and an unfinished one that did everything; the gallery none. Step keys are the test's own, so
/// no other drill counts towards them.
/// </summary>
public static class ReadinessArrangement
{
    public const string Evacuate = "PB-FIGURES-P1-01";   // P1 evacuation, target 2 min
    public const string LockDown = "PB-FIGURES-P1-02";   // P1 lockdown, target 3 min
    public const string Inform = "PB-FIGURES-P2-01";     // P2 communication, target 10 min
    public const string Shelter = "PB-FIGURES-P3-01";    // P3 invacuation, no target
    public const string Reopen = "PB-FIGURES-P4-01";     // P4: only in the incident
    public const string SchoolEvacuate = "PB-FIGURES-SCHOOL-P1-01"; // P1 evacuation, target 2 min
    public const string Measure = "FIGURES-MEASURE-01";

    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task ArrangeAsync(DatabaseFixture fixture)
    {
        await using var db = fixture.NewDbContext();
        var published = (await db.CurrentPublishedAsync(default))!;
        var version = published.Id;
        var organization = await db.Users.Where(u => u.Email == "manager@arenaplus.example").Select(u => u.OrganizationId).SingleAsync();
        var museum = Site(organization, published.MethodologyId, "Severočeské muzeum", "museum-gallery");
        var gallery = Site(organization, published.MethodologyId, "Oblastní galerie Liberec", "museum-gallery");
        var school = Site(organization, published.MethodologyId, "ZŠ Lesní Liberec", "school");
        db.Sites.AddRange(museum, gallery, school);

        var playbook = new GuidelinePlaybook("PB-FIGURES", "arson", new LocalizedText("Arson", "Žhářství"), 10,
        [
            Step(Evacuate, IncidentPhase.P1, Procedure.Evacuation, 2),
            Step(LockDown, IncidentPhase.P1, Procedure.Lockdown, 3),
            Step(Inform, IncidentPhase.P2, Procedure.Communication, 10),
            Step(Shelter, IncidentPhase.P3, Procedure.Invacuation, null),
            Step(Reopen, IncidentPhase.P4, Procedure.Other, null),
        ]);
        var schoolPlaybook = new GuidelinePlaybook("PB-FIGURES-SCHOOL", "arson", new LocalizedText("Arson", "Žhářství"), 10,
        [
            Step(SchoolEvacuate, IncidentPhase.P1, Procedure.Evacuation, 2),
            Step("PB-FIGURES-SCHOOL-P1-02", IncidentPhase.P1, Procedure.Lockdown, 3),
            Step("PB-FIGURES-SCHOOL-P2-01", IncidentPhase.P2, Procedure.Communication, 10),
            Step("PB-FIGURES-SCHOOL-P3-01", IncidentPhase.P3, Procedure.Invacuation, null),
        ]);

        PlaybookRun Run(RunKind kind, Site site, GuidelinePlaybook book, DateOnly day, bool finish, params (string Key, int Seconds)[] ticks)
        {
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
            var run = new PlaybookRun(kind, site.Id, version, 1, book, "", "", start);
            foreach (var (key, seconds) in ticks)
                run.Tick(key, "tester", start.AddSeconds(seconds), key == Reopen ? "Jana Nováková" : null);
            if (finish) run.Finish(start.AddMinutes(45));
            return run;
        }

        var everything = new[] { (SchoolEvacuate, 30), ("PB-FIGURES-SCHOOL-P1-02", 30), ("PB-FIGURES-SCHOOL-P2-01", 30), ("PB-FIGURES-SCHOOL-P3-01", 30) };
        db.PlaybookRuns.AddRange(
            // Evacuation in time, lockdown late (4 min > 3), information exactly on its target (in time), sheltering missed.
            Run(RunKind.Drill, museum, playbook, Today.AddDays(-10), true, (Evacuate, 90), (LockDown, 240), (Inform, 600)),
            // Evacuation late, lockdown in time, information missed, sheltering done (no target).
            Run(RunKind.Drill, museum, playbook, Today.AddDays(-40), true, (Evacuate, 150), (LockDown, 120), (Shelter, 1800)),
            // Neither an unfinished drill nor an incident counts.
            Run(RunKind.Drill, museum, playbook, Today.AddDays(-1), false, (Evacuate, 1), (LockDown, 1), (Inform, 1), (Shelter, 1)),
            Run(RunKind.Incident, museum, playbook, Today.AddDays(-5), true, (Evacuate, 1), (LockDown, 1), (Inform, 1), (Shelter, 1), (Reopen, 7200)),
            Run(RunKind.Drill, school, schoolPlaybook, Today.AddDays(-100), true, (SchoolEvacuate, 60)),
            // Outside the 12 months, or never finished: no coverage from these.
            Run(RunKind.Drill, school, schoolPlaybook, Today.AddYears(-1), true, everything),
            Run(RunKind.Drill, school, schoolPlaybook, Today.AddDays(-2), false, everything));

        ImprovementItem Item(string? measure, string? step, bool done)
        {
            var item = new ImprovementItem(museum.Id, null, "Practise the lockdown", "Jana Nováková", Today.AddDays(30), measure, step, Today);
            if (done) item.Complete(DateTimeOffset.UtcNow);
            return item;
        }
        db.ImprovementItems.AddRange(Item(null, LockDown, false), Item(null, LockDown, false), Item(null, LockDown, true),
            Item(Measure, null, false), Item(Measure, null, true), Item(null, Reopen, true));
        await db.SaveChangesAsync();
    }

    private static Site Site(Guid organization, Guid methodology, string name, string venueType) =>
        new(organization, methodology, new SiteProfile(name, "Masarykova 1", "Liberecky", venueType, 300, 200, "", []));

    private static GuidelineStep Step(string key, IncidentPhase phase, Procedure procedure, int? target) =>
        new(key, phase, procedure, "duty-manager", new LocalizedText("Duty manager", "Vedoucí směny"), target, new LocalizedText(key, key), []);
}
