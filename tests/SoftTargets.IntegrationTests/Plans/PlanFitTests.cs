using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Plans;

/// <summary>Plans that fit the venue: an open square, several zones, a site below the methodology's scope.</summary>
public sealed class PlanFitTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private async Task<Guid> CreateAsync(SiteSetup setup, params ThreatInput[] threats)
    {
        Guid organizationId;
        await using (var db = Fixture.NewDbContext())
            organizationId = await db.Users.Where(u => u.Email == ArenaManager).Select(u => u.OrganizationId).SingleAsync();
        var siteId = await Fixture.AsAsync<Guid, SiteService>(ArenaManager, s => s.CreateAsync(organizationId, setup));
        foreach (var threat in threats)
        {
            var version = await SiteVersionAsync(siteId);
            await Fixture.AsAsync<ThreatAssessment>(ArenaManager, t => t.SaveAsync(siteId, threat, version));
        }
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(siteId));
        return siteId;
    }

    [Fact]
    public async Task A_plan_for_an_open_square_has_no_step_that_locks_entrances()
    {
        var siteId = await CreateAsync(new SiteSetup(
                new SiteProfile("Náměstí Svobody", "Náměstí Svobody, Brno", "Jihomoravsky", "open-air-event", 6000, 20000, "Christmas market 10:00–22:00",
                    ["open-space", "outdoor-queues", "alcohol-served"]),
                [new ZoneInput(null, "Upper square", 4000, 5, "Česká street", ""), new ZoneInput(null, "Lower square", 2000, 3, "Masarykova street", "")],
                [new ContactInput(null, "security-lead", "Jana Nováková", "+420 601 123 456", "", false)]),
            new ThreatInput("firearms", 2, 5, 2, 4, "Crowded market."), new ThreatInput("vehicle-as-weapon", 3, 5, 2, 4, "Streets open into the square."));

        var plan = (await Fixture.AsAsync<PlanView?, PlanQueries>(ArenaManager, q => q.GetAsync(siteId)))!.Plan!;

        var steps = plan.Phases.SelectMany(p => p.Steps).ToList();
        Assert.DoesNotContain(steps, s => s.Key is "PB-FIREARMS-P1-01" or "PB-FIREARMS-P0-02" or "PB-VEHICLE-AS-WEAPON-P1-03");
        Assert.DoesNotContain(steps, s => s.Text.En.Contains("façade", StringComparison.Ordinal));
        var closeOff = Assert.Single(steps, s => s.Key == "PB-FIREARMS-P1-01-OPEN");
        Assert.Equal("Stop anyone from entering Lower square, Upper square: stewards close the access routes and send arrivals away, while people inside are led out away from the attacker.",
            closeOff.Text.En);
        Assert.Equal("Be able to close off the access routes quickly", plan.Measures.Single(m => m.Key == "ACC-01").Title.En);
        Assert.DoesNotContain(plan.Gaps, g => g.Kind == GapKind.MissingProcedure);
        var evacuate = steps.First(s => s.Text.En.Contains("(listed below)", StringComparison.Ordinal) && s.Text.En.Contains("assembly point", StringComparison.Ordinal));
        Assert.EndsWith("\n• Lower square – assembly point: Masarykova street\n• Upper square – assembly point: Česká street", evacuate.Text.En);
    }

    [Fact]
    public async Task A_site_below_the_scope_gets_the_baseline_and_the_notice_without_deputy_gaps()
    {
        var siteId = await CreateAsync(new SiteSetup(
                new SiteProfile("Kavárna U Lípy", "Lipová 1, Brno", "Jihomoravsky", "restaurant-bar", 30, 120, "8:00–18:00", []),
                [new ZoneInput(null, "Café", 30, 1, "Pavement in front", "Storeroom")],
                [new ContactInput(null, "duty-manager", "Eva Malá", "+420 601 000 003", "", false)]),
            new ThreatInput("firearms", 1, 4, 1, 3, "Main street."));

        var plan = (await Fixture.AsAsync<PlanView?, PlanQueries>(ArenaManager, q => q.GetAsync(siteId)))!.Plan!;

        Assert.StartsWith("Outside the scope of the methodology because occupancy 30 < 50", plan.OutOfScope!.En);
        Assert.Equal(["COM-10", "DET-03", "GOV-12", "RES-09", "TRN-01"], plan.Measures.Select(m => m.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plan.Gaps, g => g.Kind == GapKind.NoDeputy || g.Subject.EndsWith(".deputy", StringComparison.Ordinal));
        await using var db = Fixture.NewDbContext();
        Assert.Equal(5, await db.PlanMeasures.CountAsync(m => m.SiteId == siteId && m.IsApplicable));
    }
}
