using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Features.Assessment;
using SoftTargets.Core.Features.Plans;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Plans;

/// <summary>With the seeded methodology, the assessed risk of a threat decides the heavy measures of a plan, and says so.</summary>
public sealed class RiskDrivenPlanTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string School = "ZŠ Lipová – hlavní budova";
    private const string Hall = "Koncertní síň Vltava";

    [Fact]
    public async Task Re_rating_vehicle_attack_to_the_top_adds_vehicle_barriers_to_a_standard_school_with_the_risk_as_the_reason()
    {
        var school = await SiteIdAsync(School);
        var first = await SiteVersionAsync(school);
        var version = await Fixture.AsAsync<uint, ThreatAssessment>(SchoolManager,
            s => s.SaveAsync(school, new ThreatInput("vehicle-as-weapon", 2, 3, 2, 2, "Parents' cars at the gate."), first));
        await Fixture.AsAsync<int, PlanService>(SchoolManager, p => p.GenerateAsync(school));
        var before = await LatestAsync(school);

        await Fixture.AsAsync<uint, ThreatAssessment>(SchoolManager,
            s => s.SaveAsync(school, new ThreatInput("vehicle-as-weapon", 5, 5, 4, 4, "A car was driven at pupils nearby."), version));
        await Fixture.AsAsync<int, PlanService>(SchoolManager, p => p.GenerateAsync(school));
        var after = await LatestAsync(school);

        Assert.False(before.Measures.Single(m => m.Key == "ACC-04").Applies);
        var barriers = after.Measures.Single(m => m.Key == "ACC-04");
        Assert.True(barriers.Applies);
        Assert.Equal("Applies because tier is Standard and Vehicle as a weapon is assessed at risk 25 (at least 15).", barriers.Reason.En);
        Assert.Equal("Platí, protože úroveň je Standardní a hrozba Vozidlo jako zbraň je posouzena s rizikem 25 (alespoň 15).", barriers.Reason.Cs);
        // Barriers, the security plan, monitoring and barriers where crowds meet traffic: each because of the vehicle risk.
        var gained = after.Applicable.Where(m => !before.Applicable.Any(b => b.Key == m.Key)).ToList();
        Assert.Equal(["ACC-04", "ACC-05", "DET-02", "GOV-02"], gained.Select(m => m.Key).Order());
        Assert.All(gained, m => Assert.Contains("Vehicle as a weapon is assessed at risk 25", m.Reason.En, StringComparison.Ordinal));
        await using var db = Fixture.NewDbContext();
        Assert.True(await db.PlanMeasures.AnyAsync(m => m.SiteId == school && m.MeasureKey == "ACC-04" && m.IsApplicable));
    }

    [Fact]
    public async Task An_enhanced_hall_gets_screening_for_its_explosive_risk_and_barriers_only_once_vehicle_attack_is_rated()
    {
        var hall = await SiteIdAsync(Hall);
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(hall));
        var before = await LatestAsync(hall);
        var version = await SiteVersionAsync(hall);

        await Fixture.AsAsync<uint, ThreatAssessment>(ArenaManager,
            s => s.SaveAsync(hall, new ThreatInput("vehicle-as-weapon", 5, 5, 3, 3, "Tram stop and an open embankment."), version));
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(hall));
        var after = await LatestAsync(hall);

        Assert.Equal("Applies because tier is Enhanced and Improvised explosive device is assessed at risk 10 (at least 8).",
            before.Measures.Single(m => m.Key == "DET-07").Reason.En);
        Assert.False(before.Measures.Single(m => m.Key == "ACC-04").Applies);
        Assert.Equal("Applies because tier is Enhanced and Vehicle as a weapon is assessed at risk 25 (at least 8).",
            after.Measures.Single(m => m.Key == "ACC-04").Reason.En);
    }

    private async Task<Core.Domain.Plans.Guideline> LatestAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        return await PlanDocuments.ReadAsync(db, await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync());
    }
}
