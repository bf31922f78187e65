using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Organizations;
using SoftTargets.Core.Domain.Users;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Users;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Compliance;

public sealed class FindingRulesTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly FindingInput Input = new(FindingSeverity.Medium, "No bleeding-control kit at gate B", "Seen on the visit.", new DateOnly(2030, 1, 31));

    [Fact]
    public async Task An_auditor_records_a_finding_and_edits_it()
    {
        var siteId = await SiteIdAsync("Slezská aréna");

        var id = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input));
        var version = await VersionAsync(id);
        await Fixture.AsAsync<FindingService>(Auditor, f => f.UpdateAsync(id, Input with { Severity = FindingSeverity.High }, version));

        await using var db = Fixture.NewDbContext();
        var finding = await db.Findings.SingleAsync(f => f.Id == id);
        Assert.Equal(FindingSeverity.High, finding.Severity);
        Assert.Equal((await Fixture.ActorAsync(Auditor)).UserId, finding.AuthorId);
    }

    [Fact]
    public async Task An_auditor_cannot_change_another_auditors_finding()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var id = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input));
        await Fixture.AsAsync<UserAdministration>(Administrator, u => u.CreateAsync("second.auditor@softtargets.example", "Second Auditor",
            Roles.Auditor, "Národní inspekce měkkých cílů (demo)", "Another-Auditor-2026"));
        var version = await VersionAsync(id);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<FindingService>("second.auditor@softtargets.example",
            f => f.UpdateAsync(id, Input with { Title = "Rewritten" }, version)));
    }

    [Fact]
    public async Task A_venue_manager_cannot_record_findings()
    {
        var siteId = await SiteIdAsync("Slezská aréna");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<Guid, FindingService>(ArenaManager, f => f.CreateAsync(siteId, Input)));
    }

    [Fact]
    public async Task The_sites_venue_manager_answers_a_finding_and_another_organisation_cannot_see_it()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var id = await Fixture.AsAsync<Guid, FindingService>(Auditor, f => f.CreateAsync(siteId, Input));
        var version = await VersionAsync(id);

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<FindingService>(SchoolManager, f => f.AnswerAsync(id, "Not ours", version)));
        await Fixture.AsAsync<FindingService>(ArenaManager, f => f.AnswerAsync(id, "Kit installed on 3 March.", version));

        await using var db = Fixture.NewDbContext();
        var finding = await db.Findings.SingleAsync(f => f.Id == id);
        Assert.Equal(FindingStatus.Answered, finding.Status);
        Assert.Equal("Kit installed on 3 March.", finding.Answer);
    }

    [Fact]
    public async Task Only_administrators_manage_organisations()
    {
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<Guid, Core.Features.Organizations.OrganizationService>(ArenaManager,
            o => o.CreateAsync("Rogue operator", OrganizationKind.Operator, "Zlinsky")));

        var id = await Fixture.AsAsync<Guid, Core.Features.Organizations.OrganizationService>(Administrator,
            o => o.CreateAsync("Nové divadlo o.p.s.", OrganizationKind.Operator, "Zlinsky"));

        await using var db = Fixture.NewDbContext();
        Assert.Equal("Nové divadlo o.p.s.", (await db.Organizations.SingleAsync(o => o.Id == id)).Name);
    }

    private async Task<uint> VersionAsync(Guid findingId)
    {
        await using var db = Fixture.NewDbContext();
        return await db.Findings.Where(f => f.Id == findingId).Select(f => f.Version).SingleAsync();
    }
}
