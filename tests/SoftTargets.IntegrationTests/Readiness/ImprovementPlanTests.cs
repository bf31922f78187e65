using Microsoft.EntityFrameworkCore;
using SoftTargets.Core.Domain.Common;
using SoftTargets.Core.Domain.Compliance;
using SoftTargets.Core.Domain.Readiness;
using SoftTargets.Core.Features.Compliance;
using SoftTargets.Core.Features.Readiness;
using SoftTargets.IntegrationTests.Infrastructure;

namespace SoftTargets.IntegrationTests.Readiness;

public sealed class ImprovementPlanTests(DatabaseFixture fixture) : DatabaseTest(fixture)
{
    private const string LockdownFinding = "Lockdown procedure not drilled";
    private static DateOnly InAMonth => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

    [Fact]
    public async Task An_item_raised_from_a_review_appears_in_the_sites_plan_tracking_with_its_measure_and_step()
    {
        var (siteId, runId, measure, step) = await ArrangeAsync();

        var id = await Fixture.AsAsync<Guid, ImprovementPlan>(ArenaManager, p => p.CreateAsync(runId,
            new ImprovementInput("Drill the lockdown at gate B", "Jana Nováková", InAMonth, measure.Key, step.Key)));

        var plan = await Fixture.AsAsync<SiteImprovements?, ImprovementPlan>(Auditor, p => p.ListAsync(siteId));
        var item = Assert.Single(plan!.Items, i => i.Id == id);
        Assert.False(plan.CanChange);
        Assert.Equal((runId, (RunKind?)RunKind.Drill), (item.RunId, item.RunKind));
        Assert.Equal((measure.Key, measure.Title), (item.MeasureKey, item.MeasureTitle));
        Assert.Equal((step.Key, step.Text), (item.StepKey, item.StepText));
        Assert.Equal(("Jana Nováková", InAMonth, ImprovementStatus.Open), (item.Owner, item.DueDate, item.Status));
        Assert.Single((await Fixture.AsAsync<SiteImprovements?, ImprovementPlan>(ArenaManager, p => p.ListAsync(siteId, runId)))!.Items);
    }

    [Fact]
    public async Task Open_items_come_first_and_an_open_item_past_its_due_date_is_overdue()
    {
        var (siteId, runId, _, _) = await ArrangeAsync();
        var done = await CreateAsync(runId, "Replace the PA amplifier");
        var late = await CreateAsync(runId, "Train the new stewards");
        await Fixture.AsAsync<ImprovementPlan>(ArenaManager, async p => await p.SetDoneAsync(done, true, await VersionAsync(done)));
        await using (var db = Fixture.NewDbContext())
        {
            // Time passes: the due date is moved into the past directly, as no user may set one.
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "ImprovementItems" SET "DueDate" = {DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1)} WHERE "Id" IN ({late}, {done})""");
        }

        var items = (await Fixture.AsAsync<SiteImprovements?, ImprovementPlan>(ArenaManager, p => p.ListAsync(siteId)))!.Items;

        Assert.Equal([late, done], items.Select(i => i.Id));
        Assert.True(items[0].IsOverdue);
        Assert.False(items[1].IsOverdue);
        Assert.Equal(ImprovementStatus.Done, items[1].Status);
        await Fixture.AsAsync<ImprovementPlan>(ArenaManager, async p => await p.SetDoneAsync(done, false, await VersionAsync(done)));
        Assert.True((await Fixture.AsAsync<SiteImprovements?, ImprovementPlan>(ArenaManager, p => p.ListAsync(siteId)))!.Items.All(i => i.IsOverdue));
    }

    [Fact]
    public async Task A_measure_outside_the_plan_and_a_step_outside_the_run_are_refused_at_their_fields_with_the_items_own_checks()
    {
        var (_, runId, _, _) = await ArrangeAsync();

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<Guid, ImprovementPlan>(ArenaManager, p =>
            p.CreateAsync(runId, new ImprovementInput("", "Jana", InAMonth, "NO-SUCH-MEASURE", "NO-SUCH-STEP"))));

        Assert.Equal(ReviewMessages.MeasureNotInPlan, ex.Problems[nameof(ImprovementInput.MeasureKey)]);
        Assert.Equal(ReviewMessages.StepNotInRun, ex.Problems[nameof(ImprovementInput.StepKey)]);
        Assert.Equal(RunMessages.TitleRequired, ex.Problems[nameof(ImprovementItem.Title)]);
        await using var db = Fixture.NewDbContext();
        Assert.False(await db.ImprovementItems.AnyAsync(i => i.RunId == runId));
    }

    [Fact]
    public async Task Linking_an_item_to_an_open_finding_answers_it_with_the_given_text()
    {
        var (siteId, runId, _, _) = await ArrangeAsync();
        var id = await CreateAsync(runId, "Drill the lockdown at gate B");
        var finding = await FindingAsync(siteId);

        await Fixture.AsAsync<ImprovementPlan>(ArenaManager, async p =>
            await p.LinkFindingAsync(id, await VersionAsync(id), finding.Id, finding.Version, "Answered by the improvement item \"Drill the lockdown at gate B\"."));

        var answered = await FindingAsync(siteId);
        Assert.Equal(FindingStatus.Answered, answered.Status);
        Assert.Equal("Answered by the improvement item \"Drill the lockdown at gate B\".", answered.Answer);
        var item = (await Fixture.AsAsync<SiteImprovements?, ImprovementPlan>(ArenaManager, p => p.ListAsync(siteId)))!.Items.Single();
        Assert.Equal((finding.Id, LockdownFinding), (item.FindingId, item.FindingTitle));
    }

    [Fact]
    public async Task A_closed_finding_is_refused_and_neither_the_item_nor_the_finding_changes()
    {
        var (siteId, runId, _, _) = await ArrangeAsync();
        var id = await CreateAsync(runId, "Drill the lockdown at gate B");
        var open = await FindingAsync(siteId);
        await Fixture.AsAsync<FindingService>(Auditor, f => f.CloseAsync(open.Id, "Checked on the follow-up visit.", open.Version));
        var closed = await FindingAsync(siteId);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Fixture.AsAsync<ImprovementPlan>(ArenaManager, async p =>
            await p.LinkFindingAsync(id, await VersionAsync(id), closed.Id, closed.Version, "Too late.")));

        Assert.Equal(ReviewMessages.FindingNotOpen, ex.Problems["FindingId"]);
        Assert.Equal(("", FindingStatus.Closed), ((await FindingAsync(siteId)).Answer, (await FindingAsync(siteId)).Status));
        await using var db = Fixture.NewDbContext();
        Assert.Null(await db.ImprovementItems.Where(i => i.Id == id).Select(i => i.FindingId).SingleAsync());
    }

    [Fact]
    public async Task An_auditor_reads_the_items_but_changes_none_and_another_organisation_finds_none()
    {
        var (siteId, runId, _, _) = await ArrangeAsync();
        var id = await CreateAsync(runId, "Drill the lockdown at gate B");
        var version = await VersionAsync(id);
        var input = new ImprovementInput("Changed", "Someone", InAMonth, null, null);

        Assert.Single((await Fixture.AsAsync<SiteImprovements?, ImprovementPlan>(Auditor, p => p.ListAsync(siteId)))!.Items);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<Guid, ImprovementPlan>(Auditor, p => p.CreateAsync(runId, input)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<ImprovementPlan>(Auditor, p => p.UpdateAsync(id, input, version)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Fixture.AsAsync<ImprovementPlan>(Auditor, p => p.SetDoneAsync(id, true, version)));

        Assert.Null(await Fixture.AsAsync<SiteImprovements?, ImprovementPlan>(SchoolManager, p => p.ListAsync(siteId)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<Guid, ImprovementPlan>(SchoolManager, p => p.CreateAsync(runId, input)));
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<ImprovementPlan>(SchoolManager, p => p.SetDoneAsync(id, true, version)));
        var finding = await FindingAsync(siteId);
        await Assert.ThrowsAsync<NotFoundException>(() => Fixture.AsAsync<ImprovementPlan>(SchoolManager, p => p.LinkFindingAsync(id, version, finding.Id, finding.Version, "x")));
        Assert.Equal(FindingStatus.Open, (await FindingAsync(siteId)).Status);
    }

    private async Task<(Guid SiteId, Guid RunId, ReviewChoice Measure, StepResult Step)> ArrangeAsync()
    {
        var siteId = await SiteIdAsync(RunReviewTests.ConcertHall);
        var runId = await RunReviewTests.ArrangeDrillAsync(Fixture, siteId);
        var review = await Fixture.AsAsync<RunReviewView?, RunReview>(ArenaManager, r => r.GetAsync(siteId, runId));
        return (siteId, runId, review!.Measures[0], review.Steps.First(s => s.Outcome == StepOutcome.Late));
    }

    private Task<Guid> CreateAsync(Guid runId, string title) =>
        Fixture.AsAsync<Guid, ImprovementPlan>(ArenaManager, p => p.CreateAsync(runId, new ImprovementInput(title, "Jana Nováková", InAMonth, null, null)));

    private async Task<uint> VersionAsync(Guid id)
    {
        await using var db = Fixture.NewDbContext();
        return await db.ImprovementItems.Where(i => i.Id == id).Select(i => i.Version).SingleAsync();
    }

    private async Task<Finding> FindingAsync(Guid siteId)
    {
        await using var db = Fixture.NewDbContext();
        return await db.Findings.AsNoTracking().SingleAsync(f => f.SiteId == siteId && f.Title == LockdownFinding);
    }
}
