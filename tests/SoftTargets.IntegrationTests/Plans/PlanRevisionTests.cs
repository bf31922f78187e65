using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Methodology;
using SoftTargets.Core.Features.Plans;
using SoftTargets.Core.Features.Sites;
using SoftTargets.IntegrationTests.Infrastructure;
using SoftTargets.Core.Features.Plans.Storage;

namespace SoftTargets.IntegrationTests.Plans;

public sealed class PlanRevisionTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8.ToArray(), .. new byte[64]];

    [Fact]
    public async Task Regenerating_carries_statuses_and_evidence_over_by_measure_key()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var tracked = await OpenMeasureAsync(stadium);
        await Fixture.AsAsync<uint, MeasureTracking>(ArenaManager, t => t.UpdateAsync(tracked.Id,
            new MeasureUpdate(MeasureStatus.Implemented, "", "Petra Horáková", null, 12, new DateOnly(2027, 6, 30)), tracked.Version));
        await Fixture.AsAsync<Guid, MeasureTracking>(ArenaManager, t => t.AddEvidenceAsync(tracked.Id, "proof.pdf", new MemoryStream(Pdf), new DateOnly(2026, 11, 1)));
        var before = await ApplicableKeysAsync(stadium);

        // Queues no longer form outside and alcohol is no longer served: some measures stop applying.
        var site = (await Fixture.AsAsync<SiteDetails?, SiteQueries>(ArenaManager, q => q.GetAsync(stadium)))!;
        await Fixture.AsAsync<uint, SiteService>(ArenaManager, s => s.UpdateProfileAsync(stadium, site.Profile with { Attributes = ["high-profile-events"] }, site.Version));
        var revision = await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.GenerateAsync(stadium));

        Assert.Equal(2, revision);
        await using var db = Fixture.NewDbContext();
        var carried = await db.PlanMeasures.Include(m => m.Evidence).SingleAsync(m => m.Id == tracked.Id);
        Assert.Equal(MeasureStatus.Implemented, carried.Status);
        Assert.Equal("Petra Horáková", carried.Owner);
        Assert.Single(carried.Evidence);
        var after = await ApplicableKeysAsync(stadium);
        var dropped = before.Except(after).ToList();
        Assert.NotEmpty(dropped);
        Assert.All(await db.PlanMeasures.Where(m => m.SiteId == stadium && dropped.Contains(m.MeasureKey)).ToListAsync(), m => Assert.False(m.IsApplicable));
        var plan = await db.SitePlans.SingleAsync(p => p.SiteId == stadium && p.Revision == 2);
        Assert.Equal("enhanced", plan.Tier);
        Assert.Equal(after.Order(), (await PlanDocuments.ReadAsync(db, plan)).Applicable.Select(m => m.Key).Order());
    }

    [Fact]
    public async Task Upgrading_to_a_new_methodology_version_shows_and_applies_the_diff()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        var (removedKey, changedKey) = await PublishVersionTwoAsync(await ApplicableKeysAsync(stadium));

        var upgrade = await Fixture.AsAsync<PlanUpgrade?, PlanService>(ArenaManager, p => p.GetUpgradeAsync(stadium));

        Assert.NotNull(upgrade);
        Assert.Equal((1, 2), (upgrade.FromNumber, upgrade.ToNumber));
        Assert.Equal(["ACC-90"], upgrade.Gained);
        Assert.Equal([removedKey], upgrade.Lost);
        Assert.Equal([changedKey], upgrade.Changed);

        var revision = await Fixture.AsAsync<int, PlanService>(ArenaManager, p => p.UpgradeAsync(stadium));

        await using var db = Fixture.NewDbContext();
        var plan = await db.SitePlans.SingleAsync(p => p.SiteId == stadium && p.Revision == revision);
        Assert.Equal(upgrade.ToVersionId, plan.MethodologyVersionId);
        Assert.True((await db.PlanMeasures.SingleAsync(m => m.SiteId == stadium && m.MeasureKey == "ACC-90")).IsApplicable);
        Assert.False((await db.PlanMeasures.SingleAsync(m => m.SiteId == stadium && m.MeasureKey == removedKey)).IsApplicable);
        Assert.Null(await Fixture.AsAsync<PlanUpgrade?, PlanService>(ArenaManager, p => p.GetUpgradeAsync(stadium)));
    }

    [Fact]
    public async Task The_upgrade_names_each_measure_with_the_title_from_the_version_that_has_it()
    {
        var stadium = await SiteIdAsync("Slezská aréna");
        await using var db = Fixture.NewDbContext();
        var older = await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Status == MethodologyVersionStatus.Published);
        var (removedKey, changedKey) = await PublishVersionTwoAsync(await ApplicableKeysAsync(stadium));
        var upgrade = (await Fixture.AsAsync<PlanUpgrade?, PlanService>(ArenaManager, p => p.GetUpgradeAsync(stadium)))!;

        var described = await Fixture.AsAsync<PlanUpgradeView, PlanQueries>(ArenaManager, q => q.DescribeUpgradeAsync(upgrade));

        Assert.Equal((1, 2), (described.FromNumber, described.ToNumber));
        Assert.Equal("Stewards at turnstiles; one measure merged.", described.ChangeNote);
        Assert.Equal(new UpgradeMeasure("ACC-90", new LocalizedText("Stewards at every turnstile", "Pořadatelé u každého turniketu")), Assert.Single(described.Gained));
        Assert.Equal(older.Content.Measures.Single(m => m.Key == removedKey).Title, Assert.Single(described.Lost).Title);
        Assert.Equal(changedKey, Assert.Single(described.Changed).Key);
        Assert.False(string.IsNullOrWhiteSpace(described.Changed[0].Title.Cs));
    }

    [Fact]
    public async Task Only_the_sites_own_venue_managers_generate_its_plan()
    {
        var stadium = await SiteIdAsync("Slezská aréna");

        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<int, PlanService>(SchoolManager, p => p.GenerateAsync(stadium)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<int, PlanService>(Auditor, p => p.GenerateAsync(stadium)));
    }

    /// <summary>Version 2: a new stadium measure, one of the stadium's measures removed, another's priority changed.</summary>
    private async Task<(string Removed, string Changed)> PublishVersionTwoAsync(IReadOnlyList<string> stadiumMeasures)
    {
        await using var db = Fixture.NewDbContext();
        var published = await db.MethodologyVersions.AsNoTracking().SingleAsync(v => v.Status == MethodologyVersionStatus.Published);
        var draftId = await Fixture.AsAsync<Guid, MethodologyAuthoring>(Editor, a => a.StartDraftAsync(published.MethodologyId));
        var draft = (await Fixture.AsAsync<VersionView?, MethodologyAuthoring>(Editor, a => a.GetAsync(draftId)))!;
        var called = draft.Content.Questions.SelectMany(q => q.Levels).SelectMany(l => l.Calls).ToHashSet();
        var candidates = draft.Content.Measures.Where(m => stadiumMeasures.Contains(m.Key)).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        var removed = candidates.First(m => !called.Contains(m.Key));
        var changed = candidates.First(m => m.Key != removed.Key);
        var content = draft.Content with
        {
            Measures =
            [
                .. draft.Content.Measures.Where(m => m.Key != removed.Key)
                    .Select(m => m.Key == changed.Key ? m with { Priority = m.Priority == MeasurePriority.Essential ? MeasurePriority.Recommended : MeasurePriority.Essential } : m),
                new MeasureTemplate
                {
                    Key = "ACC-90", Category = "AccessControl", Role = "security-lead",
                    Title = new LocalizedText("Stewards at every turnstile", "Pořadatelé u každého turniketu"),
                    Guidance = new LocalizedText("One steward per turnstile.", "U každého turniketu pořadatel."),
                    Evidence = new LocalizedText("Roster", "Rozpis"),
                    AppliesWhen = new Condition { VenueTypeIn = ["stadium"] },
                },
            ],
        };
        var version = await Fixture.AsAsync<uint, MethodologyAuthoring>(Editor, a => a.SaveAsync(draftId, content, draft.Version));
        await Fixture.AsAsync<MethodologyAuthoring>(Editor, a => a.PublishAsync(draftId, "Stewards at turnstiles; one measure merged.", version));
        return (removed.Key, changed.Key);
    }

    private async Task<PlanMeasure> OpenMeasureAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        return await db.PlanMeasures.AsNoTracking().Where(m => m.SiteId == siteId && m.Status != MeasureStatus.Implemented && m.IsApplicable)
            .OrderBy(m => m.MeasureKey).FirstAsync();
    }

    private async Task<List<string>> ApplicableKeysAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        return await db.PlanMeasures.Where(m => m.SiteId == siteId && m.IsApplicable).Select(m => m.MeasureKey).ToListAsync();
    }
}
