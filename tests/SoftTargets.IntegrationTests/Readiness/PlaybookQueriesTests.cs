using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Readiness;

public sealed class PlaybookQueriesTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string Stadium = "Slezská aréna";

    [Fact, ReadsOnly]
    public async Task Choosing_a_role_leaves_only_that_roles_steps_in_every_phase_and_keeps_every_role_to_choose_from()
    {
        var siteId = await SiteIdAsync(Stadium);

        var all = await Fixture.AsAsync<SitePlaybooksView?, PlaybookQueries>(ArenaManager, q => q.GetAsync(siteId));
        var security = await Fixture.AsAsync<SitePlaybooksView?, PlaybookQueries>(ArenaManager, q => q.GetAsync(siteId, "security-lead"));

        Assert.Equal(1, all!.Revision);
        Assert.Equal(Stadium, all.SiteName);
        Assert.Contains(all.Roles, r => r.Key == "security-lead" && r.Name.En == "Security lead" && r.Name.Cs == "Vedoucí bezpečnosti");
        Assert.Contains(all.Roles, r => r.Key == "duty-manager");
        Assert.Equal(["firearms", "vehicle-as-weapon"], all.Threats.Select(t => t.Key).Order());
        Assert.Contains(all.Phases.SelectMany(p => p.Steps), s => s.RoleKey != "security-lead");

        Assert.Equal(Enum.GetValues<IncidentPhase>(), security!.Phases.Select(p => p.Phase));
        Assert.Equal("security-lead", security.Role);
        Assert.Equal(all.Roles, security.Roles);
        var steps = security.Phases.SelectMany(p => p.Steps).ToList();
        Assert.NotEmpty(steps);
        Assert.All(steps, s => Assert.Equal("security-lead", s.RoleKey));
        Assert.All(security.Phases, p => Assert.All(p.Steps, s => Assert.Equal(p.Phase, s.Phase)));
        Assert.Equal(all.Phases.SelectMany(p => p.Steps).Count(s => s.RoleKey == "security-lead"), security.StepCount);
        var lockdown = steps.Single(s => s.Key == "PB-FIREARMS-P1-01");
        Assert.Equal(2, lockdown.TargetMinutes);
        Assert.Equal(Procedure.Lockdown, lockdown.Procedure);
        Assert.Equal("firearms", lockdown.ThreatKey);
        Assert.DoesNotContain("{", lockdown.Text.En);
    }

    [Fact, ReadsOnly]
    public async Task A_threat_narrows_the_steps_further_and_a_role_without_steps_leaves_every_phase_empty()
    {
        var siteId = await SiteIdAsync(Stadium);

        var firearms = await Fixture.AsAsync<SitePlaybooksView?, PlaybookQueries>(Auditor, q => q.GetAsync(siteId, "duty-manager", "firearms"));
        var nobody = await Fixture.AsAsync<SitePlaybooksView?, PlaybookQueries>(Auditor, q => q.GetAsync(siteId, "no-such-role"));

        Assert.All(firearms!.Phases.SelectMany(p => p.Steps), s => Assert.True(s.RoleKey == "duty-manager" && s.ThreatKey == "firearms"));
        Assert.NotEqual(0, firearms.StepCount);
        Assert.Equal(6, nobody!.Phases.Count);
        Assert.Equal(0, nobody.StepCount);
        Assert.NotEmpty(nobody.Roles);
    }

    [Fact, ReadsOnly]
    public async Task Another_organisations_site_reads_as_not_found_and_a_site_without_a_plan_has_empty_phases()
    {
        var stadium = await SiteIdAsync(Stadium);
        var mall = await SiteIdAsync("Obchodní centrum Brána Plzeň");

        var foreign = await Fixture.AsAsync<SitePlaybooksView?, PlaybookQueries>(SchoolManager, q => q.GetAsync(stadium));
        var missing = await Fixture.AsAsync<SitePlaybooksView?, PlaybookQueries>(ArenaManager, q => q.GetAsync(Guid.NewGuid()));
        var noPlan = await Fixture.AsAsync<SitePlaybooksView?, PlaybookQueries>(ArenaManager, q => q.GetAsync(mall));

        Assert.Null(foreign);
        Assert.Null(missing);
        Assert.Null(noPlan!.Revision);
        Assert.Empty(noPlan.Roles);
        Assert.Equal(6, noPlan.Phases.Count);
        Assert.Equal(0, noPlan.StepCount);
    }
}
