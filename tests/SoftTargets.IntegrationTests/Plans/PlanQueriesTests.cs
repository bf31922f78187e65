using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Methodology;
using SoftTargets.Core.Domain.Plans;
using SoftTargets.Core.Features.Plans;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Plans;

public sealed class PlanQueriesTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_measure_due_today_is_not_overdue_one_due_yesterday_is_and_an_implemented_one_never_is()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var (dueToday, dueYesterday, implemented) = await ThreeMeasuresAsync(siteId);
        await UpdateAsync(dueToday, MeasureStatus.NotStarted, Today, nextReview: Today);
        await UpdateAsync(dueYesterday, MeasureStatus.InProgress, Today.AddDays(-1), nextReview: Today.AddMonths(6));
        await UpdateAsync(implemented, MeasureStatus.Implemented, Today.AddDays(-30), nextReview: Today.AddDays(-1));

        var view = await Fixture.AsAsync<PlanView?, PlanQueries>(ArenaManager, q => q.GetAsync(siteId));

        var measures = view!.Plan!.Measures.ToDictionary(m => m.Key);
        Assert.False(measures[dueToday.MeasureKey].IsOverdue);
        Assert.False(measures[dueToday.MeasureKey].IsReviewOverdue);
        Assert.True(measures[dueYesterday.MeasureKey].IsOverdue);
        Assert.False(measures[dueYesterday.MeasureKey].IsReviewOverdue);
        Assert.False(measures[implemented.MeasureKey].IsOverdue);
        Assert.True(measures[implemented.MeasureKey].IsReviewOverdue);
    }

    [Fact]
    public async Task The_view_carries_the_revision_the_tracked_state_and_the_playbooks_by_phase()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var (measure, _, _) = await ThreeMeasuresAsync(siteId);
        await UpdateAsync(measure, MeasureStatus.InProgress, Today.AddDays(10), nextReview: Today.AddMonths(3), owner: "Tomáš Beneš");

        var view = await Fixture.AsAsync<PlanView?, PlanQueries>(ArenaManager, q => q.GetAsync(siteId));

        Assert.True(view!.CanChange);
        Assert.Equal("Slezská aréna", view.SiteName);
        var plan = view.Plan!;
        Assert.Equal(1, plan.Revision);
        Assert.Equal(1, plan.MethodologyVersion);
        Assert.False(string.IsNullOrEmpty(plan.TierName.En));
        Assert.False(string.IsNullOrEmpty(plan.TierReason.Cs));
        var tracked = plan.Measures.Single(m => m.Key == measure.MeasureKey);
        Assert.Equal(MeasureStatus.InProgress, tracked.Tracked!.Status);
        Assert.Equal("Tomáš Beneš", tracked.Tracked.Owner);
        Assert.Equal(measure.Id, tracked.Tracked.Id);
        Assert.False(string.IsNullOrEmpty(tracked.Title.Cs));
        Assert.False(string.IsNullOrEmpty(tracked.Reason.En));
        Assert.NotEqual(tracked.Role, tracked.RoleName.En);
        Assert.Equal(Enum.GetValues<IncidentPhase>(), plan.Phases.Select(p => p.Phase));
        Assert.Contains(plan.Phases, p => p.Phase == IncidentPhase.P1 && p.Steps.Count > 0);
    }

    [Fact]
    public async Task Evidence_is_listed_with_its_facts()
    {
        var siteId = await SiteIdAsync("Slezská aréna");
        var (measure, _, _) = await ThreeMeasuresAsync(siteId);
        byte[] pdf = [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[500]];
        var evidenceId = await Fixture.AsAsync<Guid, MeasureTracking>(ArenaManager,
            t => t.AddEvidenceAsync(measure.Id, "drill.pdf", new MemoryStream(pdf), new DateOnly(2026, 2, 1)));

        var view = await Fixture.AsAsync<PlanView?, PlanQueries>(Auditor, q => q.GetAsync(siteId));

        var evidence = Assert.Single(view!.Plan!.Measures.Single(m => m.Key == measure.MeasureKey).Tracked!.Evidence);
        Assert.Equal(evidenceId, evidence.Id);
        Assert.Equal("drill.pdf", evidence.FileName);
        Assert.Equal(pdf.Length, evidence.Size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), evidence.Sha256);
        Assert.Equal(new DateOnly(2026, 2, 1), evidence.EffectiveDate);
        Assert.Equal(ArenaManager, evidence.UploadedBy);
    }

    [Fact]
    public async Task Another_organisations_manager_gets_nothing_and_an_auditor_reads_without_changing()
    {
        var siteId = await SiteIdAsync("Slezská aréna");

        var forOther = await Fixture.AsAsync<PlanView?, PlanQueries>(SchoolManager, q => q.GetAsync(siteId));
        var exportForOther = await Fixture.AsAsync<Core.Features.Plans.Export.PlanExportData?, PlanQueries>(SchoolManager,
            q => q.GetExportDataAsync(siteId, System.Globalization.CultureInfo.InvariantCulture));
        var forAuditor = await Fixture.AsAsync<PlanView?, PlanQueries>(Auditor, q => q.GetAsync(siteId));

        Assert.Null(forOther);
        Assert.Null(exportForOther);
        Assert.NotNull(forAuditor);
        Assert.False(forAuditor.CanChange);
        Assert.NotEmpty(forAuditor.Plan!.Measures);
    }

    [Fact]
    public async Task Measures_that_do_not_apply_are_listed_with_reasons_only_when_asked()
    {
        var siteId = await SiteIdAsync("ZŠ Lipová – hlavní budova");

        var without = await Fixture.AsAsync<PlanView?, PlanQueries>(SchoolManager, q => q.GetAsync(siteId));
        var with = await Fixture.AsAsync<PlanView?, PlanQueries>(SchoolManager, q => q.GetAsync(siteId, withExcluded: true));

        Assert.Empty(without!.Plan!.Excluded);
        Assert.NotEmpty(with!.Plan!.Excluded);
        Assert.All(with.Plan.Excluded, m => Assert.False(string.IsNullOrWhiteSpace(m.Reason.En)));
        Assert.DoesNotContain(with.Plan.Excluded, e => with.Plan.Measures.Any(m => m.Key == e.Key));
    }

    [Fact]
    public async Task A_site_without_a_plan_reads_as_such_and_gets_one_when_generated()
    {
        var siteId = await SiteIdAsync("Obchodní centrum Brána Plzeň");

        var before = await Fixture.AsAsync<PlanView?, PlanQueries>(ArenaManager, q => q.GetAsync(siteId));
        await Fixture.AsAsync<int, PlanService>(ArenaManager, s => s.GenerateAsync(siteId));
        var after = await Fixture.AsAsync<PlanView?, PlanQueries>(ArenaManager, q => q.GetAsync(siteId));

        Assert.Null(before!.Plan);
        Assert.True(before.CanChange);
        Assert.Equal(1, after!.Plan!.Revision);
        Assert.All(after.Plan.Measures, m => Assert.Equal(MeasureStatus.NotStarted, m.Tracked?.Status));
        Assert.Equal(ArenaManager, after.Plan.GeneratedBy);
    }

    private async Task<(PlanMeasure, PlanMeasure, PlanMeasure)> ThreeMeasuresAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        var measures = await db.PlanMeasures.AsNoTracking().Where(m => m.SiteId == siteId && m.IsApplicable)
            .OrderBy(m => m.MeasureKey).Take(3).ToListAsync();
        return (measures[0], measures[1], measures[2]);
    }

    private async Task UpdateAsync(PlanMeasure measure, MeasureStatus status, DateOnly due, DateOnly nextReview, string owner = "")
    {
        await using var db = Fixture.NewDbContext();
        var version = await db.PlanMeasures.Where(m => m.Id == measure.Id).Select(m => m.Version).SingleAsync();
        await Fixture.AsAsync<uint, MeasureTracking>(ArenaManager, t => t.UpdateAsync(measure.Id,
            new MeasureUpdate(status, "", owner, due, 12, nextReview), version));
    }
}
