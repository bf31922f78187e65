using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Domain.Sites;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Plans;

/// <summary>A plan lists as gaps the roles the seeded methodology requires of the site, until the site names someone for each.</summary>
public sealed class RequiredRoleGapTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string School = "ZŠ Lipová – hlavní budova";

    [Fact]
    public async Task A_school_s_plan_asks_for_its_head_teacher_until_the_school_names_one()
    {
        var school = await SiteIdAsync(School);
        await Fixture.AsAsync<int, PlanService>(SchoolManager, p => p.GenerateAsync(school));
        var before = await LatestAsync(school);

        var loaded = (await Fixture.AsAsync<SiteDetails?, SiteQueries>(SchoolManager, q => q.GetAsync(school)))!;
        var setup = new SiteSetup(loaded.Profile,
            loaded.Zones.Select(z => new ZoneInput(z.Id, z.Name, z.Capacity, z.Entrances, z.AssemblyPoint, z.InvacuationRoom)).ToList(),
            [.. loaded.Contacts.Select(c => new ContactInput(c.Id, c.RoleKey, c.Name, c.Phone, c.Email, c.IsDeputy)),
             new ContactInput(null, "head-teacher", "Jana Dvořáková", "+420 585 000 111", "reditelka@zs-lipova.example", false)]);
        await Fixture.AsAsync<uint, SiteService>(SchoolManager, s => s.UpdateAsync(school, setup, loaded.Version));
        await Fixture.AsAsync<int, PlanService>(SchoolManager, p => p.GenerateAsync(school));
        var after = await LatestAsync(school);

        var gap = Assert.Single(before.Gaps, g => g.Kind == GapKind.MissingRequiredRole);
        Assert.Equal("head-teacher", gap.Subject);
        Assert.StartsWith("Nobody holds the role Head teacher", gap.Message.En, StringComparison.Ordinal);
        Assert.StartsWith("Roli Ředitel nebo ředitelka školy nikdo nezastává", gap.Message.Cs, StringComparison.Ordinal);
        Assert.DoesNotContain(after.Gaps, g => g.Kind == GapKind.MissingRequiredRole);
    }

    [Fact]
    public async Task An_enhanced_venue_without_contacts_is_asked_for_its_security_lead_and_designated_senior_individual()
    {
        var hall = await SiteIdAsync("Koncertní síň Vltava");
        await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(hall));

        var gaps = (await LatestAsync(hall)).Gaps.Where(g => g.Kind == GapKind.MissingRequiredRole).Select(g => g.Subject);

        Assert.Equal(["designated-senior-individual", "security-lead"], gaps);
    }

    private async Task<Guideline> LatestAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        return await PlanDocuments.ReadAsync(db, await db.SitePlans.Where(p => p.SiteId == siteId).OrderByDescending(p => p.Revision).FirstAsync());
    }
}
